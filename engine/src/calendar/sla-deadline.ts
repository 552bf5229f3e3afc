import { addBusinessTime } from './add-business-time';
import { CalendarError, parseBusinessCalendar, ROUND_THE_CLOCK } from './business-calendar';

/**
 * When an SLA clock started at `start` runs out, counting only the estate's business time.
 * A clock resumed after a pause state (waiting for parts) passes the time it had left as `ms`.
 * A calendar the clock cannot use counts round the clock rather than never falling due.
 */
export function slaDeadline(input: { start: Date; ms: number; calendar: unknown; timezone: string }): Date {
  let calendar = ROUND_THE_CLOCK;
  try {
    calendar = parseBusinessCalendar(input.calendar);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
  }
  try {
    return addBusinessTime({ start: input.start, ms: input.ms, calendar, timezone: input.timezone });
  } catch (error) {
    if (error instanceof CalendarError)
      return addBusinessTime({ start: input.start, ms: input.ms, calendar: ROUND_THE_CLOCK, timezone: input.timezone });
    throw error;
  }
}
