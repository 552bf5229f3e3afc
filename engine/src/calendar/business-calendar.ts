/**
 * An estate's business calendar (Estate.calendar, docs/calendar.md): the hours SLA clocks run.
 * An empty calendar `{}` means the clock runs around the clock, every day.
 */
export interface BusinessCalendar {
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Working hours of a working day, local time, "HH:MM" to "HH:MM", in order, not overlapping. */
  hours: { from: string; to: string }[];
  /** Local dates ("2026-10-01") that are not worked although their weekday is (法定节假日). */
  holidays: string[];
  /** Local dates that are worked although their weekday is not (调休 make-up working days). */
  workdays: string[];
}

export const ROUND_THE_CLOCK: BusinessCalendar = {
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  hours: [{ from: '00:00', to: '24:00' }],
  holidays: [],
  workdays: [],
};

export class CalendarError extends Error {}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : null;
}

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
}

function dates(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string' && DATE.test(item))) {
    throw new CalendarError(`calendar.${name} must be a list of dates like "2026-10-01".`);
  }
  return value;
}

/** Reads a stored calendar, refusing shapes the SLA clock cannot use; `{}` is round the clock. */
export function parseBusinessCalendar(value: unknown): BusinessCalendar {
  const raw = record(value) ?? {};
  if (Object.keys(raw).length === 0) return ROUND_THE_CLOCK;
  const weekdays = raw.weekdays ?? [1, 2, 3, 4, 5];
  if (!Array.isArray(weekdays) || !weekdays.every((day): day is number => Number.isInteger(day) && day >= 1 && day <= 7)) {
    throw new CalendarError('calendar.weekdays must list ISO weekdays from 1 (Monday) to 7 (Sunday).');
  }
  const hoursRaw = raw.hours ?? [{ from: '00:00', to: '24:00' }];
  if (!Array.isArray(hoursRaw)) throw new CalendarError('calendar.hours must be a list of { from, to }.');
  const hours = hoursRaw.map((item) => {
    const span = record(item);
    const from = span?.from;
    const to = span?.to;
    if (typeof from !== 'string' || typeof to !== 'string' || !TIME.test(from) || !TIME.test(to) || minutes(from) >= minutes(to)) {
      throw new CalendarError('calendar.hours must be spans like { "from": "08:30", "to": "12:00" } with from before to.');
    }
    return { from, to };
  });
  for (let index = 1; index < hours.length; index++) {
    const previous = hours[index - 1];
    const current = hours[index];
    if (previous && current && minutes(current.from) < minutes(previous.to))
      throw new CalendarError('calendar.hours must be in order and must not overlap.');
  }
  return { weekdays, hours, holidays: dates(raw.holidays, 'holidays'), workdays: dates(raw.workdays, 'workdays') };
}

/** Minutes after local midnight of "HH:MM" (24:00 is the end of the day). */
export function minutesOfDay(time: string): number {
  return minutes(time);
}
