import { type BusinessCalendar, CalendarError, minutesOfDay } from './business-calendar';
import { isoDate, isoWeekday, type LocalDate, nextDay, zonedInstant, zonedParts } from './zoned-time';

/** Long enough for any SLA; a calendar with no working time at all fails instead of looping. */
const MAX_DAYS = 800;

function isWorkingDay(date: LocalDate, calendar: BusinessCalendar): boolean {
  const iso = isoDate(date);
  if (calendar.workdays.includes(iso)) return true;
  if (calendar.holidays.includes(iso)) return false;
  return calendar.weekdays.includes(isoWeekday(date));
}

/**
 * The instant `ms` of working time after `start` under an estate's business calendar: the
 * deadline of an SLA clock that only runs in working hours, skips holidays and runs on
 * make-up working days. Pure; `timezone` is the estate's (Asia/Shanghai by default).
 */
export function addBusinessTime(input: { start: Date; ms: number; calendar: BusinessCalendar; timezone: string }): Date {
  const { start, calendar, timezone } = input;
  let remaining = Math.max(0, input.ms);
  const begin = start.getTime();
  const startParts = zonedParts(begin, timezone);
  let date: LocalDate = { year: startParts.year, month: startParts.month, day: startParts.day };
  for (let index = 0; index < MAX_DAYS; index++) {
    if (isWorkingDay(date, calendar)) {
      for (const span of calendar.hours) {
        const spanStart = Math.max(zonedInstant({ date, minuteOfDay: minutesOfDay(span.from), timezone }), begin);
        const spanEnd = zonedInstant({ date, minuteOfDay: minutesOfDay(span.to), timezone });
        if (spanEnd <= spanStart) continue;
        if (remaining <= spanEnd - spanStart) return new Date(spanStart + remaining);
        remaining -= spanEnd - spanStart;
      }
    }
    date = nextDay(date);
  }
  throw new CalendarError(`The business calendar has no working time in the next ${MAX_DAYS} days.`);
}

/**
 * How much working time lies between `from` and `to` under an estate's business calendar (0 when
 * `to` is not after `from`): the time an SLA clock had left when its task was paused, so that the
 * resumed task gets exactly that much working time again.
 */
export function businessTimeBetween(input: { from: Date; to: Date; calendar: BusinessCalendar; timezone: string }): number {
  const { calendar, timezone } = input;
  const begin = input.from.getTime();
  const end = input.to.getTime();
  if (end <= begin) return 0;
  let total = 0;
  const startParts = zonedParts(begin, timezone);
  let date: LocalDate = { year: startParts.year, month: startParts.month, day: startParts.day };
  for (let index = 0; index < MAX_DAYS; index++) {
    if (isWorkingDay(date, calendar)) {
      for (const span of calendar.hours) {
        const spanStart = Math.max(zonedInstant({ date, minuteOfDay: minutesOfDay(span.from), timezone }), begin);
        const spanEnd = Math.min(zonedInstant({ date, minuteOfDay: minutesOfDay(span.to), timezone }), end);
        if (spanEnd > spanStart) total += spanEnd - spanStart;
      }
    }
    if (zonedInstant({ date, minuteOfDay: 24 * 60, timezone }) >= end) return total;
    date = nextDay(date);
  }
  return total;
}
