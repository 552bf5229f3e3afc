import { useState } from 'react';
import { Alert, Badge, Input, Select, Switch, Space, Tabs } from 'antd';
import type { StartableWorkflow, TaskPage, TaskScope } from '../../api/types';
import { categoryOptions } from '../category-options';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { TaskTable } from '../components/TaskTable';
import { useEstate } from '../EstateProvider';

const scopes: TaskScope[] = ['mine', 'team', 'all'];
const pageSize = 20;

/** Tasks for the staff member's roles in the current estate, kept live by the event stream. */
export default function InboxPage() {
  const { t, text, locale } = useI18n();
  const { estate } = useEstate();
  const [scope, setScope] = useState<TaskScope>('mine');
  const [workflowKey, setWorkflowKey] = useState<string | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const estateId = estate?.id;
  const tasks = useApi<TaskPage>(
    estateId ? '/tasks' : null,
    { estateId, scope, workflowKey, state, buildingId, category, q, page, pageSize, overdue: overdue || undefined },
    (event) => event.kind === 'task.changed' || event.kind === 'instance.updated',
  );
  const workflows = useApi<StartableWorkflow[]>(estateId ? `/estates/${estateId}/workflows` : null);
  const buildings = useApi<{ id: string; name: string }[]>(estateId ? `/estates/${estateId}/buildings` : null);
  const items = tasks.data?.items ?? [];
  // States seen so far stay on offer, so choosing one (the server filters by it) keeps the others pickable.
  // Adjusting state while rendering (React's pattern for "information from previous renders"):
  // states seen so far stay on offer; the guard makes it settle after one extra render.
  const [seenStates, setSeenStates] = useState<ReadonlyMap<string, string>>(new Map());
  const fresh = items.filter((task) => !seenStates.has(task.state));
  if (fresh.length > 0) {
    const next = new Map(seenStates);
    for (const task of fresh) next.set(task.state, text(task.stateLabel) || task.state);
    setSeenStates(next);
  }
  const workflowOptions = new Map<string, string>();
  for (const workflow of workflows.data ?? []) workflowOptions.set(workflow.key, text(workflow.name));
  for (const task of items)
    if (!workflowOptions.has(task.workflowKey)) workflowOptions.set(task.workflowKey, text(task.workflowName) || task.workflowKey);
  const stateOptions = new Map(seenStates);
  if (state && !stateOptions.has(state)) stateOptions.set(state, state);
  const resetPage =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(1);
    };

  return (
    <>
      <Tabs
        activeKey={scope}
        onChange={(key) => {
          const next = scopes.find((item) => item === key);
          if (next) resetPage(setScope)(next);
        }}
        items={scopes.map((key) => ({
          key,
          label: (
            <span data-testid={`inbox-tab-${key}`}>
              {t(key === 'mine' ? 'inbox.mine' : key === 'team' ? 'inbox.team' : 'inbox.all')}{' '}
              <Badge count={tasks.data?.counts?.[key] ?? 0} showZero color={key === 'mine' ? '#1677ff' : '#999'} size="small" />
            </span>
          ),
        }))}
      />
      <div className="ef-toolbar">
        <Select
          allowClear
          placeholder={t('inbox.workflow')}
          style={{ minWidth: 150 }}
          value={workflowKey}
          onChange={resetPage(setWorkflowKey)}
          options={[...workflowOptions].map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder={t('inbox.state')}
          style={{ minWidth: 130 }}
          value={state}
          onChange={resetPage(setState)}
          options={[...stateOptions].map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder={t('inbox.building')}
          style={{ minWidth: 110 }}
          value={buildingId}
          onChange={resetPage(setBuildingId)}
          options={(buildings.data ?? []).map((building) => ({ value: building.id, label: building.name }))}
        />
        <Select
          allowClear
          placeholder={t('inbox.category')}
          style={{ minWidth: 120 }}
          value={category}
          onChange={resetPage(setCategory)}
          options={categoryOptions(workflows.data ?? [], locale)}
        />
        <Input.Search allowClear placeholder={t('inbox.searchPlaceholder')} style={{ maxWidth: 260 }} onSearch={resetPage(setQ)} />
        <Space>
          <Switch size="small" checked={overdue} onChange={resetPage(setOverdue)} />
          {t('inbox.overdueOnly')}
        </Space>
      </div>
      {tasks.error ? <Alert type="error" showIcon title={errorMessage(tasks.error, t)} style={{ marginBottom: 12 }} /> : null}
      <TaskTable tasks={items} loading={tasks.loading} page={page} pageSize={pageSize} total={tasks.data?.total ?? 0} onPage={setPage} />
    </>
  );
}
