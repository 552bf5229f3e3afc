import { useMemo } from 'react';
import { Card } from 'antd';
import type { InstanceForm, JsonObject } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { dataEntries, type DataEntry } from '../../shared/data-entries';
import { fieldLabels, type FieldLabel } from '../../shared/field-labels';
import { api } from '../../api/client';
import { RevealNumber } from './RevealNumber';

/**
 * The instance's data, labelled with the titles and option labels of the forms that filled it
 * (the instance's own version: its start form and its events' forms, from GET /instances/{id}).
 * Phone and ID numbers come masked, also where written inside free text, each with the way to see it in full.
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
      <EntryList instanceId={instanceId} entries={entries} testId="instance-data" />
    </Card>
  );
}

/** The full number typed into a form field of the instance (audited). */
async function readTypedNumber(input: { instanceId: string; path: string; reason: string }): Promise<string> {
  const result = await api.post<{ value: string }>(`/instances/${input.instanceId}/unmask`, { path: input.path, reason: input.reason });
  return result.value;
}

/** Label/value lines; an object's fields and a list's items nested under their label. */
function EntryList({ instanceId, entries, testId }: { instanceId: string; entries: DataEntry[]; testId?: string }) {
  return (
    <dl className="ef-data-list" data-testid={testId}>
      {entries.map((entry) => (
        <div key={entry.key}>
          <dt>{entry.label}</dt>
          <dd>
            {entry.children !== undefined ? (
              <EntryList instanceId={instanceId} entries={entry.children} />
            ) : entry.rows !== undefined ? (
              <ol className="ef-data-rows">
                {entry.rows.map((row, index) => (
                  <li key={index}>
                    <EntryList instanceId={instanceId} entries={row} />
                  </li>
                ))}
              </ol>
            ) : entry.personal === undefined ? (
              entry.value
            ) : (
              <RevealNumber
                testId={entry.personal.path}
                kind={entry.personal.kind}
                masked={entry.value}
                read={(reason) => readTypedNumber({ instanceId, path: entry.personal?.path ?? '', reason })}
                forbidden={
                  entry.personal.kind === 'idNumber' || entry.personal.idNumber === true
                    ? 'reveal.forbiddenIdNumber'
                    : 'reveal.forbiddenPhone'
                }
              />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
