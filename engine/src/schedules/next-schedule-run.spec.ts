import { describe, expect, it } from 'vitest';
import { nextScheduleRun } from './next-schedule-run';
import { parseScheduleRule, ScheduleRuleError } from './schedule-rule';

const at = (local: string) => new Date(`${local}+08:00`);
const next = (rule: unknown, after: string) =>
  nextScheduleRun({ rule: parseScheduleRule(rule), after: at(after), timezone: 'Asia/Shanghai' }).toISOString();

describe('nextScheduleRun', () => {
  it('runs daily at the local time, today if still ahead, else tomorrow', () => {
    expect(next({ every: 'day', at: '09:00' }, '2026-11-21T08:00:00')).toBe(at('2026-11-21T09:00:00').toISOString());
    expect(next({ every: 'day', at: '09:00' }, '2026-11-21T09:00:00')).toBe(at('2026-11-22T09:00:00').toISOString());
  });

  it('runs weekly on its weekday', () => {
    // 2026-11-21 is a Saturday; the next Monday is the 23rd.
    expect(next({ every: 'week', at: '08:30', day: 1 }, '2026-11-21T10:00:00')).toBe(at('2026-11-23T08:30:00').toISOString());
  });

  it('runs monthly, on the last day in months too short for its day', () => {
    expect(next({ every: 'month', at: '09:00', day: 1 }, '2026-11-21T10:00:00')).toBe(at('2026-12-01T09:00:00').toISOString());
    expect(next({ every: 'month', at: '09:00', day: 31 }, '2027-02-01T00:00:00')).toBe(at('2027-02-28T09:00:00').toISOString());
  });

  it('refuses rules it cannot follow', () => {
    expect(() => parseScheduleRule({ every: 'hour', at: '09:00' })).toThrow(ScheduleRuleError);
    expect(() => parseScheduleRule({ every: 'week', at: '09:00' })).toThrow(ScheduleRuleError);
    expect(() => parseScheduleRule({ every: 'day', at: '25:00' })).toThrow(ScheduleRuleError);
  });
});
