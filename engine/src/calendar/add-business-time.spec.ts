import { describe, expect, it } from 'vitest';
import { addBusinessTime } from './add-business-time';
import { CalendarError, parseBusinessCalendar } from './business-calendar';

const SHANGHAI = 'Asia/Shanghai';
const HOUR = 3_600_000;
// Weekdays 08:30–12:00 and 13:30–17:30; the 2026 National Day holiday with its make-up Sunday.
const office = parseBusinessCalendar({
  weekdays: [1, 2, 3, 4, 5],
  hours: [
    { from: '08:30', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-27', '2026-10-10'],
});

/** A Shanghai wall-clock time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);
const add = (start: string, ms: number) => addBusinessTime({ start: at(start), ms, calendar: office, timezone: SHANGHAI }).toISOString();

describe('addBusinessTime', () => {
  it('runs round the clock with an empty calendar', () => {
    const start = at('2026-10-01T23:00:00');
    expect(addBusinessTime({ start, ms: 2 * HOUR, calendar: parseBusinessCalendar({}), timezone: SHANGHAI })).toEqual(
      at('2026-10-02T01:00:00'),
    );
  });

  it('counts only working hours inside a day and skips lunch', () => {
    expect(add('2026-09-21T09:00:00', 2 * HOUR)).toBe(at('2026-09-21T11:00:00').toISOString());
    expect(add('2026-09-21T11:00:00', 2 * HOUR)).toBe(at('2026-09-21T14:30:00').toISOString());
  });

  it('carries the rest of the time to the next working morning', () => {
    expect(add('2026-09-21T17:00:00', HOUR)).toBe(at('2026-09-22T09:00:00').toISOString());
  });

  it('starts the clock at opening time when a request arrives at night or at the weekend', () => {
    expect(add('2026-09-22T22:15:00', 30 * 60_000)).toBe(at('2026-09-23T09:00:00').toISOString());
    // Saturday 2026-09-19 → Monday 2026-09-21
    expect(add('2026-09-19T10:00:00', HOUR)).toBe(at('2026-09-21T09:30:00').toISOString());
  });

  it('skips public holidays', () => {
    // Wednesday 30 September 17:00 + 1 h: 1–2 October are holidays, 3–4 a weekend, 5–7 holidays → Thursday 8 October.
    expect(add('2026-09-30T17:00:00', HOUR)).toBe(at('2026-10-08T09:00:00').toISOString());
  });

  it('works on make-up working days although they fall on a weekend', () => {
    // Saturday 26 September is off; Sunday 27 September is a make-up working day.
    expect(add('2026-09-26T10:00:00', HOUR)).toBe(at('2026-09-27T09:30:00').toISOString());
  });

  it('spans several working days', () => {
    // 7.5 working hours a day: 16 h from Monday 08:30 is Tuesday 17:30 plus 1 h → Wednesday 09:30.
    expect(add('2026-09-21T08:30:00', 16 * HOUR)).toBe(at('2026-09-23T09:30:00').toISOString());
  });

  it('refuses calendars the clock cannot use', () => {
    expect(() => parseBusinessCalendar({ hours: [{ from: '18:00', to: '09:00' }] })).toThrow(CalendarError);
    expect(() => parseBusinessCalendar({ weekdays: [0] })).toThrow(CalendarError);
    expect(() => parseBusinessCalendar({ holidays: ['1 October'] })).toThrow(CalendarError);
    const never = parseBusinessCalendar({ weekdays: [] });
    expect(() => addBusinessTime({ start: at('2026-09-21T09:00:00'), ms: HOUR, calendar: never, timezone: SHANGHAI })).toThrow(
      CalendarError,
    );
  });

  it('follows daylight saving time in zones that have it', () => {
    const nineToFive = parseBusinessCalendar({ weekdays: [1, 2, 3, 4, 5, 6, 7], hours: [{ from: '09:00', to: '17:00' }] });
    // Europe/Berlin switches to summer time on Sunday 29 March 2026.
    const due = addBusinessTime({
      start: new Date('2026-03-28T16:00:00+01:00'),
      ms: 2 * HOUR,
      calendar: nineToFive,
      timezone: 'Europe/Berlin',
    });
    expect(due.toISOString()).toBe(new Date('2026-03-29T10:00:00+02:00').toISOString());
  });
});
