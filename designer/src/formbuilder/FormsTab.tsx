import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Space, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { uniqueKey } from '../definition/stateEdits';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { useDefinitionEdit } from '../inspector/useDefinitionEdit';
import { FieldPalette } from './FieldPalette';
import { FieldSettings } from './FieldSettings';
import { FieldTree } from './FieldTree';
import { addField, listFields, moveField, removeField, type FieldEntry } from './fieldModel';
import { FormJsonView } from './FormJsonView';
import { FormPreview } from './FormPreview';
import { useFormEdit } from './useFormEdit';

function findEntry(fields: FieldEntry[], path: string[] | null): FieldEntry | null {
  if (!path) return null;
  for (const field of fields) {
    if (field.path.join('.') === path.join('.')) return field;
    const inner = field.children ? findEntry(field.children, path) : null;
    if (inner) return inner;
  }
  return null;
}

/** The form builder: palette, field list, field settings, live preview and JSON, for one form at a time. */
export function FormsTab() {
  const { t } = useI18n();
  const { state, formFocus, setFormFocus } = useEditor();
  const editDefinition = useDefinitionEdit();
  const forms = state.definition.forms;
  const names = Object.keys(forms);
  const [formName, setFormName] = useState(formFocus?.form ?? state.definition.startForm ?? names[0] ?? '');
  const [selected, setSelected] = useState<string[] | null>(formFocus?.field ? [formFocus.field] : null);
  const [newName, setNewName] = useState('');
  // The tab mounts afresh when a lint finding opens it: the focus was read above, then dropped.
  useEffect(() => {
    if (formFocus) setFormFocus(null);
  }, [formFocus, setFormFocus]);
  const edit = useFormEdit(formName);
  const form = forms[formName];
  const fields = form ? listFields(form) : [];
  const field = findEntry(fields, selected);
  const containerForAdd = field?.children ? field.path : (field?.path.slice(0, -1) ?? []);

  const createForm = () => {
    const name = uniqueKey(names, newName.trim() || 'form');
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return;
    editDefinition(`form.${name}.create`, (definition) => ({
      ...definition,
      forms: { ...definition.forms, [name]: { schema: { type: 'object', properties: {} }, uiSchema: {} } },
    }));
    setFormName(name);
    setNewName('');
  };

  return (
    <div className="forms-tab">
      <div className="forms-left">
        <Space.Compact style={{ width: '100%' }}>
          <Select
            aria-label={t('forms.title')}
            style={{ flex: 1 }}
            value={form ? formName : undefined}
            onChange={(name: string) => (setFormName(name), setSelected(null))}
            options={names.map((name) => ({ value: name, label: name }))}
          />
        </Space.Compact>
        {formName === state.definition.startForm && <Tag color="blue">{t('forms.startForm')}</Tag>}
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            size="small"
            placeholder="dispatch"
            value={newName}
            aria-label={t('forms.add')}
            onChange={(event) => setNewName(event.target.value)}
            onPressEnter={createForm}
          />
          <Button size="small" icon={<PlusOutlined />} onClick={createForm}>
            {t('forms.add')}
          </Button>
        </Space.Compact>
        <FieldPalette
          onAdd={(kindId) => {
            if (!form) return;
            const input = { containerPath: containerForAdd, kindId };
            edit(`add.${kindId}`, (current) => addField(current, input).form);
            setSelected(addField(form, input).path);
          }}
        />
      </div>
      {form ? (
        <>
          <div className="forms-middle">
            <p className="hint">{t('forms.dragHint')}</p>
            <FieldTree
              fields={fields}
              containerPath={[]}
              selected={selected}
              onSelect={setSelected}
              onMove={(input) => edit(`move.${input.path.join('.')}`, (current) => moveField(current, input))}
              onAdd={(input) => {
                edit(`add.${input.kindId}`, (current) => addField(current, input).form);
                setSelected(addField(form, input).path);
              }}
              onRemove={(path) => {
                edit(`remove.${path.join('.')}`, (current) => removeField(current, path));
                setSelected(null);
              }}
            />
            {field && <FieldSettings key={field.path.join('.')} form={form} field={field} edit={edit} onRenamed={setSelected} />}
          </div>
          <div className="forms-right">
            <Tabs
              size="small"
              items={[
                { key: 'preview', label: t('forms.preview'), children: <FormPreview form={form} /> },
                {
                  key: 'json',
                  label: t('forms.json'),
                  children: <FormJsonView form={form} onChange={(next) => edit('json', () => next)} />,
                },
              ]}
            />
          </div>
        </>
      ) : (
        <Empty description={t('forms.noForm')} />
      )}
    </div>
  );
}
