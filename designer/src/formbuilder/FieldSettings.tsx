import type { FormDefinition, FormJsonSchema } from '@estateflow/model';
import { Divider, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { isRecord } from '../util/isRecord';
import { listFields, renameField, setRequired, setVisibility, updateField, type FieldEntry } from './fieldModel';
import { englishText, withEnglishText } from './localizeForm';

function optionsText(schema: FormJsonSchema): string {
  return (schema.oneOf ?? []).map((option) => `${String(option.const ?? '')}=${option.title ?? ''}`).join('\n');
}

function numberOrUndefined(value: number | null): number | undefined {
  return value === null ? undefined : value;
}

/** Settings of the selected field: key, labels zh-CN/en, help, required, validation, visibility. */
export function FieldSettings(props: {
  form: FormDefinition;
  field: FieldEntry;
  edit: (coalesce: string, update: (form: FormDefinition) => FormDefinition) => void;
  onRenamed: (path: string[]) => void;
}) {
  const { t } = useI18n();
  const { field, edit } = props;
  const path = field.path;
  const id = path.join('.');
  // Keyed by field path (FormsTab): a rename mounts fresh settings.
  const [key, setKey] = useState(field.key);
  const setSchema = (coalesce: string, patch: Partial<FormJsonSchema>) =>
    edit(`${id}.${coalesce}`, (form) => updateField(form, { path, schema: (schema) => ({ ...schema, ...patch }) }));
  const setUi = (coalesce: string, update: (ui: Record<string, unknown>) => Record<string, unknown>) =>
    edit(`${id}.${coalesce}`, (form) => updateField(form, { path, ui: update }));
  const siblings = listFields(props.form, path.slice(0, -1)).filter((sibling) => sibling.key !== field.key);
  const uiOptions = isRecord(field.ui['ui:options']) ? field.ui['ui:options'] : {};
  const isText = field.schema.type === 'string' && !field.schema.format && !field.schema.oneOf;
  const isNumber = field.schema.type === 'number' || field.schema.type === 'integer';
  const isUpload = field.kind?.id === 'photos' || field.kind?.id === 'files';
  const commitKey = () => {
    if (key === field.key) return;
    edit(`${id}.key`, (form) => renameField(form, { path, key }).form);
    props.onRenamed(renameField(props.form, { path, key }).path);
  };

  return (
    <Form layout="vertical" size="small" className="field-settings">
      <Typography.Text strong>{t('forms.field')}</Typography.Text>
      <Form.Item label={t('forms.fieldKey')}>
        <Input value={key} onChange={(event) => setKey(event.target.value)} onBlur={commitKey} onPressEnter={commitKey} />
      </Form.Item>
      <Form.Item label={t('forms.titleZh')}>
        <Input value={field.schema.title ?? ''} onChange={(event) => setSchema('title', { title: event.target.value })} />
      </Form.Item>
      <Form.Item label={t('forms.titleEn')}>
        <Input
          value={englishText(field.ui, 'title')}
          onChange={(event) => setUi('titleEn', (ui) => withEnglishText(ui, { name: 'title', text: event.target.value }))}
        />
      </Form.Item>
      <Form.Item label={t('forms.help')}>
        <Input
          value={field.schema.description ?? ''}
          onChange={(event) => setSchema('description', { description: event.target.value || undefined })}
        />
      </Form.Item>
      <Form.Item label={t('forms.helpEn')}>
        <Input
          value={englishText(field.ui, 'description')}
          onChange={(event) => setUi('descriptionEn', (ui) => withEnglishText(ui, { name: 'description', text: event.target.value }))}
        />
      </Form.Item>
      <Form.Item label={t('common.required')}>
        <Switch checked={field.required} onChange={(required) => edit(`${id}.required`, (form) => setRequired(form, { path, required }))} />
      </Form.Item>
      <Divider titlePlacement="start">{t('forms.validation')}</Divider>
      {isText && (
        <>
          <Form.Item label={t('forms.minLength')}>
            <InputNumber
              min={0}
              value={field.schema.minLength ?? null}
              onChange={(value) => setSchema('minLength', { minLength: numberOrUndefined(value) })}
            />
          </Form.Item>
          <Form.Item label={t('forms.maxLength')}>
            <InputNumber
              min={1}
              value={field.schema.maxLength ?? null}
              onChange={(value) => setSchema('maxLength', { maxLength: numberOrUndefined(value) })}
            />
          </Form.Item>
          <Form.Item label={t('forms.pattern')}>
            <Input
              value={field.schema.pattern ?? ''}
              onChange={(event) => setSchema('pattern', { pattern: event.target.value || undefined })}
            />
          </Form.Item>
        </>
      )}
      {isNumber && (
        <>
          <Form.Item label={t('forms.minimum')}>
            <InputNumber
              value={field.schema.minimum ?? null}
              onChange={(value) => setSchema('minimum', { minimum: numberOrUndefined(value) })}
            />
          </Form.Item>
          <Form.Item label={t('forms.maximum')}>
            <InputNumber
              value={field.schema.maximum ?? null}
              onChange={(value) => setSchema('maximum', { maximum: numberOrUndefined(value) })}
            />
          </Form.Item>
        </>
      )}
      {isUpload && (
        <>
          <Form.Item label={t('forms.maxFiles')}>
            <InputNumber
              min={1}
              max={50}
              value={typeof uiOptions.maxFiles === 'number' ? uiOptions.maxFiles : null}
              onChange={(value) => {
                setUi('maxFiles', (ui) => ({ ...ui, 'ui:options': { ...uiOptions, maxFiles: value ?? undefined } }));
                setSchema('maxItems', { maxItems: numberOrUndefined(value) });
              }}
            />
          </Form.Item>
          <Form.Item label={t('forms.maxSizeMb')}>
            <InputNumber
              min={1}
              max={100}
              value={typeof uiOptions.maxSizeMB === 'number' ? uiOptions.maxSizeMB : null}
              onChange={(value) => setUi('maxSizeMB', (ui) => ({ ...ui, 'ui:options': { ...uiOptions, maxSizeMB: value ?? undefined } }))}
            />
          </Form.Item>
        </>
      )}
      {field.schema.oneOf && (
        <Form.Item label={t('forms.options')}>
          <Input.TextArea
            rows={4}
            defaultValue={optionsText(field.schema)}
            onBlur={(event) => {
              const oneOf = event.target.value
                .split('\n')
                .map((line) => line.split('='))
                .filter(([value]) => value !== undefined && value.trim() !== '')
                .map(([value = '', title]) => ({ const: value.trim(), title: (title ?? value).trim() }));
              if (oneOf.length) setSchema('oneOf', { oneOf });
            }}
          />
        </Form.Item>
      )}
      <Divider titlePlacement="start">{t('forms.visibleWhen')}</Divider>
      <Select
        aria-label={t('forms.visibleWhen')}
        style={{ width: '100%' }}
        value={field.visibleWhen?.field ?? ''}
        options={[
          { value: '', label: t('forms.visibleAlways') },
          ...siblings.map((sibling) => ({ value: sibling.key, label: sibling.schema.title || sibling.key })),
        ]}
        onChange={(sibling: string) =>
          edit(`${id}.visible`, (form) =>
            setVisibility(form, { path, when: sibling === '' ? null : { field: sibling, equals: field.visibleWhen?.equals ?? true } }),
          )
        }
      />
      {field.visibleWhen && (
        <Input
          style={{ marginTop: 6 }}
          aria-label={t('forms.visibleIf', { field: field.visibleWhen.field })}
          addonBefore={t('forms.visibleIf', { field: field.visibleWhen.field })}
          defaultValue={String(field.visibleWhen.equals)}
          onBlur={(event) => {
            const text = event.target.value;
            const equals =
              text === 'true' ? true : text === 'false' ? false : text !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
            const sibling = field.visibleWhen?.field;
            if (sibling)
              edit(`${id}.visibleValue`, (form) =>
                setVisibility(setVisibility(form, { path, when: null }), { path, when: { field: sibling, equals } }),
              );
          }}
        />
      )}
    </Form>
  );
}
