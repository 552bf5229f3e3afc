import { STAFF_ROLES, type Assignee } from '@estateflow/model';
import { Input, Select, Space } from 'antd';
import { useI18n } from '../i18n/I18nContext';

type AssigneeMode = 'role' | 'user' | 'rule' | 'requester';

function modeOf(assignee: Assignee | undefined): AssigneeMode {
  if (!assignee) return 'role';
  if ('requester' in assignee) return 'requester';
  if ('rule' in assignee) return 'rule';
  if ('user' in assignee) return 'user';
  return 'role';
}

export const roleOptions = [...STAFF_ROLES, 'owner', 'tenant', 'requester'].map((role) => ({ value: role, label: role }));

/** Who gets a task: a role, a user picked by an expression, a rule (least busy, round robin) or the requester. */
export function AssigneeInput(props: { value: Assignee | undefined; onChange: (value: Assignee) => void }) {
  const { t } = useI18n();
  const { value } = props;
  const mode = modeOf(value);
  const role = value && 'role' in value ? value.role : 'front_desk';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Select
        aria-label={t('inspector.assignee')}
        value={mode}
        onChange={(next: string) => {
          if (next === 'user') props.onChange({ user: 'data.assigneeId' });
          else if (next === 'rule') props.onChange({ rule: 'leastBusy', role, by: 'estate' });
          else if (next === 'requester') props.onChange({ requester: true });
          else props.onChange({ role });
        }}
        options={[
          { value: 'role', label: t('inspector.assignee.role') },
          { value: 'user', label: t('inspector.assignee.user') },
          { value: 'rule', label: t('inspector.assignee.rule') },
          { value: 'requester', label: 'requester' },
        ]}
      />
      {value && 'user' in value && (
        <Input
          aria-label={t('inspector.assignee.user')}
          value={value.user}
          onChange={(event) => props.onChange({ user: event.target.value })}
        />
      )}
      {value && 'role' in value && !('rule' in value) && (
        <Select
          aria-label={t('inspector.assignee.role')}
          showSearch
          value={value.role}
          options={roleOptions}
          onChange={(next: string) => props.onChange({ role: next })}
        />
      )}
      {value && 'rule' in value && (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            aria-label="rule"
            value={value.rule}
            style={{ width: 120 }}
            onChange={(rule: string) => props.onChange({ ...value, rule: rule === 'roundRobin' ? 'roundRobin' : 'leastBusy' })}
            options={[
              { value: 'leastBusy', label: 'leastBusy' },
              { value: 'roundRobin', label: 'roundRobin' },
            ]}
          />
          <Select
            aria-label={t('inspector.assignee.role')}
            style={{ flex: 1 }}
            value={value.role}
            options={roleOptions}
            onChange={(next: string) => props.onChange({ ...value, role: next })}
          />
          <Select
            aria-label={t('inspector.assignee.by')}
            value={value.by ?? 'estate'}
            style={{ width: 100 }}
            onChange={(by: string) => props.onChange({ ...value, by: by === 'building' ? 'building' : 'estate' })}
            options={[
              { value: 'estate', label: 'estate' },
              { value: 'building', label: 'building' },
            ]}
          />
        </Space.Compact>
      )}
    </Space>
  );
}
