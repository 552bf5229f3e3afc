import { useMemo } from 'react';
import { Card } from 'antd';
import type { InstanceForm, JsonObject } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { dataEntries } from '../../shared/data-entries';
import { fieldLabels, type FieldLabel } from '../../shared/field-labels';
import { RevealNumber } from './RevealNumber';

/**
 * The instance's data, labelled with the titles and option labels of the forms that filled it
 * (the instance's own version: its start form and its events' forms, from GET /instances/{id}).
 * Phone and ID numbers come masked, each with the way to see it in full.
 */
export function DataCard({ instanceId, data, forms }: { instanceId: string; data: JsonObject; forms: InstanceForm[] | undefined }) {
  const { t, locale } = useI18n();
  const fields = useMemo(() => {
    const merged: Record<string, FieldLabel> = {};
    // The start form first: where two forms ask for the same field, the one that first filled it names it.
    for (const form of forms ?? [])
      for (const [key, label] of Object.entries(fieldLabels({ schema: form.schema, uiSchema: form.uiSchema, locale })))
        if (!(key in merged)) merged[key] = label;
    return merged;
  }, [forms, locale]);
  const entries = dataEntries({ data, fields, ...(locale === 'zh-CN' ? { yes: '是', no: '否' } : { yes: 'Yes', no: 'No' }) });
  if (entries.length === 0) return null;
  return (
    <Card title={t('instance.data')} size="small">
      <dl className="ef-data-list" data-testid="instance-data">
        {entries.map((entry) => (
          <div key={entry.key}>
            <dt>{entry.label}</dt>
            <dd>
              {entry.personal === undefined ? (
                entry.value
              ) : (
                <RevealNumber instanceId={instanceId} field={entry.key} kind={entry.personal} masked={entry.value} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
