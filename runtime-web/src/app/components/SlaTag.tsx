import { Tag, Tooltip } from 'antd';
import type { TaskSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { slaBadge, type SlaBadge } from '../../shared/sla';

const colors: Record<SlaBadge['kind'], string> = { overdue: 'error', soon: 'warning', ok: 'processing' };

export function SlaTag({ task, now }: { task: Pick<TaskSummary, 'respondDueAt' | 'completeDueAt' | 'overdue'>; now: number }) {
  const { t } = useI18n();
  const badge = slaBadge(task, now, t);
  if (!badge) return null;
  return (
    <Tooltip title={badge.dueAt ? new Date(badge.dueAt).toLocaleString() : undefined}>
      <Tag color={colors[badge.kind]} data-testid="sla-tag">
        {badge.text}
      </Tag>
    </Tooltip>
  );
}
