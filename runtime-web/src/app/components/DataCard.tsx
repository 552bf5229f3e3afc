import { Card } from 'antd';
import type { JsonObject } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { dataEntries } from '../../shared/data-entries';

export function DataCard({ data }: { data: JsonObject }) {
  const { t, locale } = useI18n();
  const entries = dataEntries(data, locale === 'zh-CN' ? { yes: '是', no: '否' } : { yes: 'Yes', no: 'No' });
  if (entries.length === 0) return null;
  return (
    <Card title={t('instance.data')} size="small">
      <dl className="ef-data-list">
        {entries.map((entry) => (
          <div key={entry.key}>
            <dt>{entry.key}</dt>
            <dd>{entry.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
