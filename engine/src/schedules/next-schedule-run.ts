import { isoWeekday, type LocalDate, nextDay, zonedInstant, zonedParts } from '../calendar/zoned-time';
import type { ScheduleRule } from './schedule-rule';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function matches(rule: ScheduleRule, date: LocalDate): boolean {
  switch (rule.every) {
    case 'day':
      return true;
    case 'week':
      return isoWeekday(date) === rule.day;
    case 'month':
      return date.day === Math.min(rule.day ?? 1, daysInMonth(date.year, date.month));
  }
}

/** The first run of a schedule strictly after `after`, in the estate's time zone (a monthly inspection on the 31st runs on the 30th in April). */
export function nextScheduleRun(input: { rule: ScheduleRule; after: Date; timezone: string }): Date {
  const [hours = 0, minutes = 0] = input.rule.at.split(':').map(Number);
  const parts = zonedParts(input.after.getTime(), input.timezone);
  let date: LocalDate = { year: parts.year, month: parts.month, day: parts.day };
  for (let index = 0; index < 400; index++) {
    if (matches(input.rule, date)) {
      const run = zonedInstant({ date, minuteOfDay: hours * 60 + minutes, timezone: input.timezone });
      if (run > input.after.getTime()) return new Date(run);
    }
    date = nextDay(date);
  }
  throw new Error('no run within 400 days');
}
