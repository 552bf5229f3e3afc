import { useState } from 'react';
import { App, Button, Card, List, Select, Space, Tag } from 'antd';
import { api } from '../../api/client';
import type { StaffMe, StaffOption, TaskSummary } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useNow } from '../../hooks/use-now';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { SlaTag } from './SlaTag';

/** The instance's open tasks with claim, release and reassign. */
export function TasksCard({
  tasks,
  estateId,
  me,
  onChanged,
}: {
  tasks: TaskSummary[];
  estateId: string;
  me: StaffMe;
  onChanged: () => void;
}) {
  const { t, text } = useI18n();
  const { message } = App.useApp();
  const [reassigning, setReassigning] = useState<string | null>(null);
  const now = useNow();
  const staff = useApi<StaffOption[]>(reassigning ? `/estates/${estateId}/staff` : null);
  if (tasks.length === 0) return null;

  async function call(path: string, body?: unknown) {
    try {
      await api.post(path, body);
      setReassigning(null);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  }

  return (
    <Card title={t('instance.tasks')} size="small">
      <List
        dataSource={tasks}
        renderItem={(task) => (
          <List.Item
            actions={
              task.assignee?.personId
                ? []
                : [
                    !task.assignee?.userId ? (
                      <Button
                        key="claim"
                        size="small"
                        type="primary"
                        onClick={() => void call(`/tasks/${task.id}/claim`)}
                        data-testid="claim-task"
                      >
                        {t('instance.claim')}
                      </Button>
                    ) : task.assignee.userId === me.id ? (
                      <Button key="release" size="small" onClick={() => void call(`/tasks/${task.id}/release`)}>
                        {t('instance.release')}
                      </Button>
                    ) : null,
                    <Button key="reassign" size="small" onClick={() => setReassigning(reassigning === task.id ? null : task.id)}>
                      {t('instance.reassign')}
                    </Button>,
                  ]
            }
          >
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <strong>{text(task.name)}</strong>
                {task.assignee?.userId || task.assignee?.personId ? (
                  <Tag>{task.assignee.name ?? t('instance.requester')}</Tag>
                ) : (
                  <Tag color="gold">{t('inbox.unassigned')}</Tag>
                )}
                <SlaTag task={task} now={now} />
              </Space>
              {reassigning === task.id ? (
                <Select
                  autoFocus
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('instance.reassignTo')}
                  style={{ minWidth: 200 }}
                  loading={staff.loading}
                  options={(staff.data ?? []).map((person) => ({ value: person.id, label: person.name }))}
                  onChange={(userId: string) => void call(`/tasks/${task.id}/reassign`, { userId })}
                />
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
