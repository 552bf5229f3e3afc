import { addBusinessTime, businessTimeBetween } from './add-business-time';
import { type BusinessCalendar, CalendarError, parseBusinessCalendar, ROUND_THE_CLOCK } from './business-calendar';

/**
 * When an SLA clock started at `start` runs out, counting only the estate's business time.
 * A clock resumed after a pause state (waiting for parts) passes the time it had left as `ms`.
 * A calendar the clock cannot use counts round the clock rather than never falling due.
 */
export function slaDeadline(input: { start: Date; ms: number; calendar: unknown; timezone: string }): Date {
  const calendar = usableCalendar(input.calendar);
  try {
    return addBusinessTime({ start: input.start, ms: input.ms, calendar, timezone: input.timezone });
  } catch (error) {
    if (error instanceof CalendarError)
      return addBusinessTime({ start: input.start, ms: input.ms, calendar: ROUND_THE_CLOCK, timezone: input.timezone });
    throw error;
  }
}

/** The working time an SLA clock due at `due` still has at `now` (0 once it has run out). */
export function slaTimeLeft(input: { now: Date; due: Date; calendar: unknown; timezone: string }): number {
  const calendar = usableCalendar(input.calendar);
  try {
    return businessTimeBetween({ from: input.now, to: input.due, calendar, timezone: input.timezone });
  } catch (error) {
    if (error instanceof CalendarError) return Math.max(0, input.due.getTime() - input.now.getTime());
    throw error;
  }
}

function usableCalendar(value: unknown): BusinessCalendar {
  try {
    return parseBusinessCalendar(value);
  } catch (error) {
    if (error instanceof CalendarError) return ROUND_THE_CLOCK;
    throw error;
  }
}
