import { useMemo } from 'react';
import { Card } from 'antd';
import type { JsonObject, StartableWorkflow } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { dataEntries } from '../../shared/data-entries';
import { fieldLabels } from '../../shared/field-labels';

/** The instance's data, labelled with its start form's field titles when the caller can see it. */
export function DataCard({ data, estateId, workflowKey }: { data: JsonObject; estateId: string; workflowKey: string }) {
  const { t, locale } = useI18n();
  const workflows = useApi<StartableWorkflow[]>(`/estates/${estateId}/workflows`);
  const startForm = workflows.data?.find((workflow) => workflow.key === workflowKey)?.startForm;
  const fields = useMemo(
    () => (startForm ? fieldLabels({ schema: startForm.schema, uiSchema: startForm.uiSchema, locale }) : {}),
    [startForm, locale],
  );
  const entries = dataEntries({ data, fields, ...(locale === 'zh-CN' ? { yes: '是', no: '否' } : { yes: 'Yes', no: 'No' }) });
  if (entries.length === 0) return null;
  return (
    <Card title={t('instance.data')} size="small">
      <dl className="ef-data-list">
        {entries.map((entry) => (
          <div key={entry.key}>
            <dt>{entry.label}</dt>
            <dd>{entry.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
