import type { TaskSummary } from '../api/types';
import type { Translate } from '../i18n/translate';

export type SlaBadge = { kind: 'overdue' | 'soon' | 'ok'; text: string; dueAt: string };

/** "2天3小时" / "1小时20分" / "15分钟" for a positive number of milliseconds. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('duration.dh', { d: days, h: hours });
  if (hours > 0) return t('duration.hm', { h: hours, m: rest });
  return t('duration.m', { m: rest });
}

/**
 * A task's deadline as a countdown badge: overdue since the first missed deadline, otherwise
 * the time left to the nearest one ("soon" inside the last hour).
 */
export function slaBadge(
  task: Pick<TaskSummary, 'respondDueAt' | 'completeDueAt' | 'overdue'>,
  now: number,
  t: Translate,
): SlaBadge | null {
  const dues = [task.respondDueAt, task.completeDueAt]
    .filter((due): due is string => typeof due === 'string' && !Number.isNaN(Date.parse(due)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const missed = dues.find((due) => Date.parse(due) <= now);
  if (missed) return { kind: 'overdue', text: t('sla.overdue', { duration: formatDuration(now - Date.parse(missed), t) }), dueAt: missed };
  const next = dues[0];
  if (next) {
    const left = Date.parse(next) - now;
    return {
      kind: task.overdue ? 'overdue' : left <= 3_600_000 ? 'soon' : 'ok',
      text: t('sla.remaining', { duration: formatDuration(left, t) }),
      dueAt: next,
    };
  }
  return task.overdue ? { kind: 'overdue', text: t('sla.overdue', { duration: '' }).trim(), dueAt: '' } : null;
}

/** Overdue tasks first, then by nearest deadline, then oldest first. */
export function sortTasksForInbox<T extends Pick<TaskSummary, 'overdue' | 'respondDueAt' | 'completeDueAt' | 'createdAt'>>(
  tasks: T[],
): T[] {
  const nearest = (task: T) => {
    const dues = [task.respondDueAt, task.completeDueAt].filter((due): due is string => typeof due === 'string').map(Date.parse);
    return dues.length ? Math.min(...dues) : Number.POSITIVE_INFINITY;
  };
  return [...tasks].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || nearest(a) - nearest(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
}
