import type { Translate } from '../../i18n/translate';
import { formatDuration } from '../../shared/sla';

/**
 * An average time in minutes as a person reads it: "45分钟", "1小时5分", "2天3小时"; "—" when
 * nothing was measured. Under a minute says so, rather than rounding a quick response up to one.
 */
export function formatAverage(minutes: number | null, t: Translate): string {
  if (minutes === null) return '—';
  if (minutes < 1) return t('reports.underAMinute');
  return formatDuration(minutes * 60_000, t);
}
