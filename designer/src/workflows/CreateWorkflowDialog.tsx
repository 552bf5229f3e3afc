import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { designerApi } from '../api/designerApi';
import { blankDefinition } from '../definition/blankDefinition';
import type { Definition } from '../definition/types';
import { useI18n } from '../i18n/I18nContext';
import { pickText } from '../i18n/translate';
import { JsonFileInput } from '../importexport/JsonFileInput';
import { definitionsInPack } from '../importexport/definitionsInPack';

interface CreateValues {
  key: string;
  name: string;
}

export const WORKFLOW_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** New workflow: a blank draft, or a definition taken from a template pack file. */
export function CreateWorkflowDialog(props: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [source, setSource] = useState<'blank' | 'pack'>('blank');
  const [packDefinitions, setPackDefinitions] = useState<Definition[]>([]);
  const [packChoice, setPackChoice] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (values: CreateValues) => {
    const fromPack = source === 'pack' ? packDefinitions[packChoice] : undefined;
    const base = fromPack ?? blankDefinition({ key: values.key, name: values.name });
    const definition: Definition = {
      ...base,
      key: values.key,
      name: { ...base.name, 'zh-CN': values.name },
      machine: { ...base.machine, id: values.key },
    };
    setBusy(true);
    try {
      const created = await designerApi.createDefinition({ key: values.key, name: values.name, definition });
      props.onCreated(created.id);
    } catch (error) {
      message.error(t('common.error', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('list.create')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Radio.Group
          value={source}
          onChange={(event) => setSource(event.target.value === 'pack' ? 'pack' : 'blank')}
          style={{ marginBottom: 16 }}
        >
          <Radio.Button value="blank">{t('list.blank')}</Radio.Button>
          <Radio.Button value="pack">{t('list.createFromPack')}</Radio.Button>
        </Radio.Group>
        {source === 'pack' && (
          <Form.Item label={t('list.pack')}>
            <JsonFileInput
              onJson={(json) => {
                const found = definitionsInPack(json);
                setPackDefinitions(found);
                setPackChoice(0);
                const first = found[0];
                if (first) form.setFieldsValue({ key: first.key, name: pickText(first.name, 'zh-CN') });
              }}
            />
            {packDefinitions.length > 1 && (
              <Select
                style={{ width: '100%', marginTop: 8 }}
                value={packChoice}
                onChange={setPackChoice}
                options={packDefinitions.map((definition, index) => ({
                  value: index,
                  label: `${pickText(definition.name, locale)} (${definition.key})`,
                }))}
              />
            )}
          </Form.Item>
        )}
        <Form.Item
          name="key"
          label={t('list.newKey')}
          rules={[{ required: true, pattern: WORKFLOW_KEY_PATTERN, message: t('list.keyInvalid') }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="name" label={t('common.nameZh')} rules={[{ required: true, message: t('auth.required') }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
