import { isRecord } from '../util/isRecord';

/** Short badge texts for a state's assignee rule and SLA durations. */

export function describeAssignee(assignee: unknown): string | null {
  if (!isRecord(assignee)) return null;
  if (typeof assignee.rule === 'string') return `${assignee.rule}:${String(assignee.role ?? '')}`;
  if (typeof assignee.role === 'string') return assignee.role;
  if (typeof assignee.user === 'string') return assignee.user;
  return null;
}

const UNIT_SUFFIX: Record<string, string> = { minutes: 'm', hours: 'h', days: 'd' };

export function describeDuration(duration: unknown): string | null {
  if (typeof duration === 'string') {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
    if (!match) return duration;
    const [, days, hours, minutes, seconds] = match;
    return (
      [days && `${days}d`, hours && `${hours}h`, minutes && `${minutes}m`, seconds && `${seconds}s`].filter(Boolean).join(' ') || duration
    );
  }
  // By case (e.g. per urgency): each case's duration, in order.
  if (isRecord(duration) && Array.isArray(duration.cases)) {
    const each = duration.cases.map((item: unknown) => (isRecord(item) ? describeDuration(item.duration) : null)).filter(Boolean);
    return each.length > 0 ? each.join(' / ') : null;
  }
  if (isRecord(duration) && typeof duration.param === 'string') {
    const unit = typeof duration.unit === 'string' ? (UNIT_SUFFIX[duration.unit] ?? duration.unit) : '';
    return `{${duration.param}}${unit}`;
  }
  return null;
}
