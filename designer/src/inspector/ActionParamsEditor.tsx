import type { ActionRef, Assignee } from '@estateflow/model';
import { Input, Select, Space, Typography } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { isRecord } from '../util/isRecord';
import { AssigneeInput, roleOptions } from './AssigneeInput';
import { NotifyParamsEditor } from './NotifyParamsEditor';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isAssignee(value: unknown): value is Assignee {
  return isRecord(value) && (typeof value.role === 'string' || typeof value.user === 'string' || value.requester === true);
}

/** Key → expression pairs (setData's `assign`, startChild's `data`) as `key = expression` lines. */
function ExpressionMap(props: { value: unknown; onChange: (value: Record<string, string>) => void; placeholder: string }) {
  const lines = Object.entries(isRecord(props.value) ? props.value : {})
    .map(([key, expression]) => `${key} = ${text(expression)}`)
    .join('\n');
  return (
    <Input.TextArea
      rows={3}
      style={{ fontFamily: 'monospace' }}
      defaultValue={lines}
      placeholder={props.placeholder}
      onBlur={(event) => {
        const entries = event.target.value
          .split('\n')
          .map((line) => line.split(/=(.*)/s).map((part) => part.trim()))
          .filter(
            (parts): parts is [string, string] => parts[0] !== undefined && parts[0] !== '' && parts[1] !== undefined && parts[1] !== '',
          )
          .map(([key, expression]) => [key, expression]);
        props.onChange(Object.fromEntries(entries));
      }}
    />
  );
}

export function ActionParamsEditor(props: { action: ActionRef; onChange: (action: ActionRef) => void }) {
  const { t } = useI18n();
  const { action } = props;
  const params = action.params ?? {};
  const set = (patch: Record<string, unknown>) => props.onChange({ ...action, params: { ...params, ...patch } });
  switch (action.type) {
    case 'notify':
      return <NotifyParamsEditor params={params} onChange={(next) => props.onChange({ ...action, params: next })} />;
    case 'assignTask':
      return <AssigneeInput value={isAssignee(params.assignee) ? params.assignee : undefined} onChange={(assignee) => set({ assignee })} />;
    case 'setData':
      return <ExpressionMap value={params.assign} placeholder="quote.amount = event.data.amount" onChange={(assign) => set({ assign })} />;
    case 'escalate':
      return (
        <Select
          aria-label={t('action.to')}
          style={{ width: '100%' }}
          value={isRecord(params.to) ? text(params.to.role) : ''}
          options={roleOptions}
          onChange={(role: string) => set({ to: { role } })}
        />
      );
    case 'startChild':
      return (
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          <Input
            aria-label={t('action.childWorkflow')}
            placeholder={t('action.childWorkflow')}
            value={text(params.workflowKey)}
            onChange={(event) => set({ workflowKey: event.target.value })}
          />
          <ExpressionMap value={params.data} placeholder="unitId = data.unitId" onChange={(data) => set({ data })} />
        </Space>
      );
    case 'webhook':
      return (
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          <Input
            aria-label="event"
            placeholder="repair.dispatched"
            value={text(params.event)}
            onChange={(event) => set({ event: event.target.value })}
          />
          <ExpressionMap value={params.payload} placeholder="reference = instance.reference" onChange={(payload) => set({ payload })} />
        </Space>
      );
    default:
      return <Typography.Text code>{JSON.stringify(params)}</Typography.Text>;
  }
}
