import { describe, expect, it } from 'vitest';
import { describeRule, estateTime, ruleOf, schedulable } from './schedule-rule';

describe('a schedule rule', () => {
  it('reads as people say it', () => {
    expect(describeRule({ every: 'day', at: '09:00' }, 'zh-CN')).toBe('每天 09:00');
    expect(describeRule({ every: 'week', at: '08:30', day: 1 }, 'zh-CN')).toBe('每周一 08:30');
    expect(describeRule({ every: 'week', at: '08:30', day: 7 }, 'zh-CN')).toBe('每周日 08:30');
    expect(describeRule({ every: 'month', at: '09:00', day: 15 }, 'zh-CN')).toBe('每月 15 日 09:00');
    expect(describeRule({ every: 'week', at: '08:30', day: 3 }, 'en')).toBe('Every Wednesday at 08:30');
  });

  it('is made from the form: the weekday for a weekly plan, the day of the month for a monthly one', () => {
    expect(ruleOf({ every: 'day', at: '09:00', weekday: 3, monthDay: 9 })).toEqual({ every: 'day', at: '09:00' });
    expect(ruleOf({ every: 'week', at: '09:00', weekday: 3, monthDay: 9 })).toEqual({ every: 'week', at: '09:00', day: 3 });
    expect(ruleOf({ every: 'month', at: '09:00', weekday: 3, monthDay: 9 })).toEqual({ every: 'month', at: '09:00', day: 9 });
  });

  it('is offered for the workflows whose start form asks for nothing that must be filled in', () => {
    expect(schedulable({ startForm: null })).toBe(true);
    expect(schedulable({ startForm: { schema: { type: 'object', properties: { planName: { type: 'string' } } } } })).toBe(true);
    expect(schedulable({ startForm: { schema: { type: 'object', required: ['description'] } } })).toBe(false);
  });

  it('shows the next run on the estate’s clock, the rule’s time of day', () => {
    expect(estateTime('2026-11-24T01:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-24 09:00');
    expect(estateTime('2026-11-23T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-24 00:30');
    expect(estateTime('2026-11-24T01:00:00.000Z', 'UTC')).toBe('2026-11-24 01:00');
  });
});
