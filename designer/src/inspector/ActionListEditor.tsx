import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ActionRef } from '@estateflow/model';
import { Button, Card, Dropdown, Space } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages-zh-CN';
import { ActionParamsEditor } from './ActionParamsEditor';

export const ACTION_TYPES: { type: string; label: MessageKey; params: ActionRef['params'] }[] = [
  { type: 'notify', label: 'action.notify', params: { template: '', to: [{ requester: true }] } },
  { type: 'assignTask', label: 'action.assign', params: { assignee: { role: 'technician' } } },
  { type: 'setData', label: 'action.setData', params: { assign: {} } },
  { type: 'escalate', label: 'action.escalate', params: { to: { role: 'estate_manager' } } },
  { type: 'startChild', label: 'action.startChild', params: { workflowKey: '' } },
  { type: 'webhook', label: 'action.webhook', params: { event: '' } },
];

/** A list of actions (notify, assign, set data, start child, webhook…), each with its own params form. */
export function ActionListEditor(props: { scope: string; actions: ActionRef[]; onChange: (actions: ActionRef[]) => void }) {
  const { t } = useI18n();
  const labelOf = (type: string) => {
    const known = ACTION_TYPES.find((entry) => entry.type === type);
    return known ? t(known.label) : type;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      {props.actions.map((action, index) => (
        <Card
          key={`${props.scope}.${index}`}
          size="small"
          title={labelOf(action.type)}
          extra={
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => props.onChange(props.actions.filter((_, position) => position !== index))}
            />
          }
        >
          <ActionParamsEditor
            action={action}
            onChange={(next) => props.onChange(props.actions.map((current, position) => (position === index ? next : current)))}
          />
        </Card>
      ))}
      <Dropdown
        trigger={['click']}
        menu={{
          items: ACTION_TYPES.map((entry) => ({ key: entry.type, label: t(entry.label) })),
          onClick: ({ key }) => {
            const template = ACTION_TYPES.find((entry) => entry.type === key);
            if (template) props.onChange([...props.actions, { type: template.type, params: structuredClone(template.params) }]);
          },
        }}
      >
        <Button size="small" icon={<PlusOutlined />}>
          {t('inspector.addAction')}
        </Button>
      </Dropdown>
    </Space>
  );
}
