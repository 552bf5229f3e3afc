import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween } from './add-business-time';
import { parseBusinessCalendar } from './business-calendar';
import { slaDeadline, slaTimeLeft } from './sla-deadline';

const SHANGHAI = 'Asia/Shanghai';
const HOUR = 3_600_000;
const at = (local: string) => new Date(`${local}+08:00`);
// Every day 09:00–18:00, except the 2026-10-01 holiday.
const daytime = parseBusinessCalendar({
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  hours: [{ from: '09:00', to: '18:00' }],
  holidays: ['2026-10-01'],
});

describe('businessTimeBetween', () => {
  it('counts only working hours, across nights and holidays', () => {
    expect(
      businessTimeBetween({ from: at('2026-09-30T17:00:00'), to: at('2026-10-02T10:00:00'), calendar: daytime, timezone: SHANGHAI }),
    ).toBe(2 * HOUR);
    expect(
      businessTimeBetween({ from: at('2026-09-29T12:00:00'), to: at('2026-09-29T13:30:00'), calendar: daytime, timezone: SHANGHAI }),
    ).toBe(1.5 * HOUR);
  });

  it('is zero when the deadline has passed', () => {
    expect(
      businessTimeBetween({ from: at('2026-09-29T12:00:00'), to: at('2026-09-29T11:00:00'), calendar: daytime, timezone: SHANGHAI }),
    ).toBe(0);
  });

  it('is the inverse of addBusinessTime, so a paused clock resumes with exactly the time it had', () => {
    const start = at('2026-09-30T16:20:00');
    const due = addBusinessTime({ start, ms: 5 * HOUR, calendar: daytime, timezone: SHANGHAI });
    expect(businessTimeBetween({ from: start, to: due, calendar: daytime, timezone: SHANGHAI })).toBe(5 * HOUR);
  });
});

describe('slaTimeLeft', () => {
  it('counts round the clock when the stored calendar is unusable, like slaDeadline', () => {
    const broken = { hours: 'nine to five' };
    const due = slaDeadline({ start: at('2026-09-29T20:00:00'), ms: 2 * HOUR, calendar: broken, timezone: SHANGHAI });
    expect(due).toEqual(at('2026-09-29T22:00:00'));
    expect(slaTimeLeft({ now: at('2026-09-29T21:00:00'), due, calendar: broken, timezone: SHANGHAI })).toBe(HOUR);
  });
});
