import type { FormDefinition } from '@estateflow/model';
import { Alert, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { isSchema } from './fieldModel';
import { isRecord } from '../util/isRecord';

/** Schema and uiSchema as JSON text, synced both ways: valid text becomes the form, edits elsewhere rewrite the text. */
export function FormJsonView(props: { form: FormDefinition; onChange: (form: FormDefinition) => void }) {
  const { t } = useI18n();
  const schemaText = JSON.stringify(props.form.schema, null, 2);
  const uiText = JSON.stringify(props.form.uiSchema ?? {}, null, 2);
  const [draft, setDraft] = useState({ schema: schemaText, ui: uiText });
  const [error, setError] = useState<string | null>(null);
  const [synced, setSynced] = useState({ schema: schemaText, ui: uiText });
  // An edit made elsewhere (field list, undo) rewrites the text: derived during render.
  if (synced.schema !== schemaText || synced.ui !== uiText) {
    setSynced({ schema: schemaText, ui: uiText });
    setDraft({ schema: schemaText, ui: uiText });
    setError(null);
  }
  const apply = (next: { schema: string; ui: string }) => {
    setDraft(next);
    try {
      const schema: unknown = JSON.parse(next.schema);
      const uiSchema: unknown = JSON.parse(next.ui);
      if (!isSchema(schema) || schema.type !== 'object' || !isRecord(uiSchema)) throw new Error('{ "type": "object", … }');
      setError(null);
      props.onChange({ ...props.form, schema, uiSchema });
    } catch (parseError) {
      setError(t('forms.jsonInvalid', { message: parseError instanceof Error ? parseError.message : String(parseError) }));
    }
  };
  return (
    <div className="form-json">
      {error && <Alert type="error" showIcon title={error} />}
      <Typography.Text strong>{t('forms.schema')}</Typography.Text>
      <Input.TextArea
        aria-label={t('forms.schema')}
        className="json-text"
        autoSize={{ minRows: 8, maxRows: 18 }}
        value={draft.schema}
        onChange={(event) => apply({ ...draft, schema: event.target.value })}
      />
      <Typography.Text strong>{t('forms.uiSchema')}</Typography.Text>
      <Input.TextArea
        aria-label={t('forms.uiSchema')}
        className="json-text"
        autoSize={{ minRows: 4, maxRows: 12 }}
        value={draft.ui}
        onChange={(event) => apply({ ...draft, ui: event.target.value })}
      />
    </div>
  );
}
