import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/errors';
import { reportPeriod, trendMonths } from './report-period';

describe('the period of a report', () => {
  it('defaults to this month so far, and takes any real dates up to a year and a day apart', () => {
    expect(reportPeriod({ today: '2026-11-22' })).toEqual({ from: '2026-11-01', to: '2026-11-22' });
    expect(reportPeriod({ to: '2026-02-28', today: '2026-11-22' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(reportPeriod({ from: '2025-11-22', to: '2026-11-22', today: '2026-11-22' })).toEqual({ from: '2025-11-22', to: '2026-11-22' });
    expect(reportPeriod({ from: '2024-02-29', to: '2024-02-29', today: '2026-11-22' })).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });

  it('refuses what is not a date, a period that ends before it starts, and more than a year, naming the field', () => {
    const refusal = (input: { from?: string; to?: string }) => {
      try {
        reportPeriod({ ...input, today: '2026-11-22' });
      } catch (error) {
        if (error instanceof ValidationError) return { message: error.message, details: error.details };
        throw error;
      }
      throw new Error('accepted');
    };
    expect(refusal({ from: '2026-02-30' }).message).toMatch(/^"from" must be a date written YYYY-MM-DD/);
    expect(refusal({ to: '22/11/2026' }).details).toEqual({ fields: [{ field: 'to', message: expect.stringContaining('YYYY-MM-DD') }] });
    expect(refusal({ from: '2026-11-23', to: '2026-11-22' }).message).toBe('"from" (2026-11-23) is after "to" (2026-11-22).');
    expect(refusal({ from: '2025-11-20', to: '2026-11-22' }).message).toMatch(/more than 366 days/);
  });

  it('shows the twelve months that end with the last month of the period', () => {
    expect(trendMonths('2026-03-15')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});
