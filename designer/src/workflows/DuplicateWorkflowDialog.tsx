import { App, Form, Input, Modal } from 'antd';
import { designerApi } from '../api/designerApi';
import type { DefinitionSummary } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { WORKFLOW_KEY_PATTERN } from './CreateWorkflowDialog';

export function DuplicateWorkflowDialog(props: {
  source: DefinitionSummary | null;
  onClose: () => void;
  onDuplicated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ key: string }>();
  const source = props.source;
  return (
    <Modal open={source !== null} title={t('list.duplicate')} onCancel={props.onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ key: source ? `${source.key}_copy` : '' }}
        onFinish={async (values) => {
          if (!source) return;
          try {
            const created = await designerApi.duplicate({ id: source.id, key: values.key });
            props.onDuplicated(created.id);
          } catch (error) {
            message.error(t('common.error', { message: error instanceof Error ? error.message : String(error) }));
          }
        }}
      >
        <Form.Item
          name="key"
          label={t('list.newKey')}
          rules={[{ required: true, pattern: WORKFLOW_KEY_PATTERN, message: t('list.keyInvalid') }]}
        >
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
