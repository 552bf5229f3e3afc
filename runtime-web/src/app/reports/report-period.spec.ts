import { describe, expect, it } from 'vitest';
import { presetPeriod } from './report-period';

describe('report period presets', () => {
  it('this month and this year run from their first day to today', () => {
    expect(presetPeriod('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('thisYear', '2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
  });
  it('last month is the whole previous month, across a year end and a short February', () => {
    expect(presetPeriod('lastMonth', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('lastMonth', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('the last 30 days include today', () => {
    expect(presetPeriod('last30Days', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-03-15' });
  });
});
