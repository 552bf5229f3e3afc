import { Card, Descriptions, Tag, Typography } from 'antd';
import type { Instance, InstanceStatus } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';
import { api } from '../../api/client';
import { RevealNumber } from './RevealNumber';

export const statusColor: Record<InstanceStatus, string> = {
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  incident: 'error',
};
export const statusKey: Record<InstanceStatus, MessageKey> = {
  active: 'instance.statusActive',
  completed: 'instance.statusCompleted',
  cancelled: 'instance.statusCancelled',
  incident: 'instance.statusIncident',
};

/** A resident's full phone, to call them back (回访; audited). */
async function readPersonPhone(input: { personId: string; reason: string }): Promise<string> {
  const result = await api.post<{ value: string }>(`/people/${input.personId}/unmask`, { field: 'phone', reason: input.reason });
  return result.value;
}

export function InstanceSummary({ instance }: { instance: Instance }) {
  const { t, text } = useI18n();
  return (
    <Card
      title={
        <span>
          <Typography.Text type="secondary" copyable data-testid="instance-reference">
            {instance.reference}
          </Typography.Text>{' '}
          {instance.title}
        </span>
      }
      extra={<Tag color={statusColor[instance.status]}>{t(statusKey[instance.status])}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('instance.workflow')}>{text(instance.workflowName)}</Descriptions.Item>
        <Descriptions.Item label={t('instance.state')}>
          <Tag color="blue" data-testid="instance-state">
            {text(instance.stateLabel) || instance.state}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('instance.unit')}>{instance.unit?.label ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('instance.requester')}>
          {instance.requester ? (
            <span>
              {instance.requester.name}{' '}
              {instance.requester.phoneMasked ? (
                <RevealNumber
                  testId="requester-phone"
                  kind="phone"
                  masked={instance.requester.phoneMasked}
                  read={(reason) => readPersonPhone({ personId: instance.requester?.id ?? '', reason })}
                  forbidden="reveal.forbiddenPerson"
                />
              ) : null}
            </span>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('instance.createdAt')}>{new Date(instance.createdAt).toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('instance.updatedAt')}>{new Date(instance.updatedAt).toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('instance.progress')} span={3}>
          {text(instance.progress)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
