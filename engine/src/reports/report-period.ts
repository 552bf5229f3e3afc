import { ValidationError } from '../common/errors';

/** Inclusive local dates, YYYY-MM-DD. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** A year and a day: this year against the same day last year fits, a decade of data in one request does not. */
export const MAX_REPORT_DAYS = 366;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a real calendar date, or null (2026-02-30 is not one). */
function dayNumber(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = Date.UTC(year, month - 1, day);
  const date = new Date(instant);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return instant / DAY_MS;
}

function invalid(field: 'from' | 'to', message: string): ValidationError {
  return new ValidationError(`"${field}" ${message}`, { fields: [{ field, message }] });
}

/**
 * The period a report covers: `to` defaults to `today` (the estate's local date), `from` to the
 * first day of `to`'s month. Refuses what is not a date, a period that ends before it starts and
 * one longer than MAX_REPORT_DAYS, saying which field to change.
 */
export function reportPeriod(input: { from?: string; to?: string; today: string }): ReportPeriod {
  const to = input.to === undefined || input.to === '' ? input.today : input.to;
  const toDay = dayNumber(to);
  if (toDay === null) throw invalid('to', 'must be a date written YYYY-MM-DD, such as 2026-11-30.');
  const from = input.from === undefined || input.from === '' ? `${to.slice(0, 8)}01` : input.from;
  const fromDay = dayNumber(from);
  if (fromDay === null) throw invalid('from', 'must be a date written YYYY-MM-DD, such as 2026-11-01.');
  if (fromDay > toDay) throw invalid('from', `(${from}) is after "to" (${to}).`);
  if (toDay - fromDay + 1 > MAX_REPORT_DAYS)
    throw invalid('from', `starts more than ${MAX_REPORT_DAYS} days before "to"; report on a year at most.`);
  return { from, to };
}

/** The twelve months ("YYYY-MM") that end with `to`'s month, oldest first. */
export function trendMonths(to: string): string[] {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 12 + index, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
