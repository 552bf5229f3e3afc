import { Link } from 'react-router-dom';
import { Grid, List, Table, Tag } from 'antd';
import type { TaskSummary } from '../../api/types';
import { useNow } from '../../hooks/use-now';
import { useI18n } from '../../i18n/I18nProvider';
import { sortTasksForInbox } from '../../shared/sla';
import { SlaTag } from './SlaTag';

type Props = {
  tasks: TaskSummary[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
};

export function TaskTable({ tasks, loading, page, pageSize, total, onPage }: Props) {
  const { t, text } = useI18n();
  const now = useNow();
  const screens = Grid.useBreakpoint();
  const sorted = sortTasksForInbox(tasks);
  if (screens.md === false) {
    // Technicians work from a phone: one card per task, the deadline first.
    return (
      <List<TaskSummary>
        loading={loading}
        dataSource={sorted}
        locale={{ emptyText: t('inbox.empty') }}
        pagination={total > pageSize ? { current: page, pageSize, total, onChange: onPage, size: 'small' } : false}
        renderItem={(task) => (
          <List.Item className={task.overdue ? 'ef-task-card ef-row-overdue' : 'ef-task-card'}>
            <Link to={`/instances/${task.instanceId}`} className="ef-task-link">
              <div className="ef-task-head">
                <strong>{task.reference}</strong>
                <SlaTag task={task} now={now} />
              </div>
              <div>{task.title}</div>
              <div className="ef-task-meta">
                {text(task.name)} · {task.assignee?.name ?? t('inbox.unassigned')}
              </div>
            </Link>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<TaskSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={sorted}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('inbox.empty') }}
      rowClassName={(task) => (task.overdue ? 'ef-row-overdue' : '')}
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: false }}
      columns={[
        {
          title: t('inbox.reference'),
          dataIndex: 'reference',
          width: 170,
          render: (_, task) => <Link to={`/instances/${task.instanceId}`}>{task.reference}</Link>,
        },
        { title: t('inbox.title'), dataIndex: 'title', width: 220, ellipsis: true },
        { title: t('inbox.task'), key: 'name', width: 130, render: (_, task) => text(task.name) },
        { title: t('inbox.state'), key: 'state', width: 110, render: (_, task) => <Tag>{text(task.stateLabel) || task.state}</Tag> },
        {
          title: t('inbox.assignee'),
          key: 'assignee',
          width: 110,
          render: (_, task) =>
            task.assignee?.userId || task.assignee?.personId ? task.assignee.name : <Tag color="gold">{t('inbox.unassigned')}</Tag>,
        },
        { title: t('inbox.due'), key: 'due', width: 150, render: (_, task) => <SlaTag task={task} now={now} /> },
        {
          title: t('inbox.created'),
          dataIndex: 'createdAt',
          width: 160,
          render: (value: string) => new Date(value).toLocaleString(),
        },
      ]}
    />
  );
}
