import { describe, expect, it } from 'vitest';
import { trendBars } from './trend-bars';

describe('the monthly trend bars', () => {
  it('scales every bar to the busiest month and keeps a small month visible', () => {
    const bars = trendBars({
      trend: [
        { month: '2025-12', created: 40, completed: 0 },
        { month: '2026-01', created: 20, completed: 30 },
        { month: '2026-02', created: 0, completed: 0 },
        { month: '2026-03', created: 1, completed: 1 },
      ],
      locale: 'zh-CN',
    });
    expect(bars.map((bar) => [bar.createdHeight, bar.completedHeight])).toEqual([
      [100, 0],
      [50, 75],
      [0, 0],
      [2.5, 2.5],
    ]);
    const tiny = trendBars({ trend: [{ month: '2026-03', created: 1000, completed: 3 }], locale: 'en' })[0];
    expect(tiny?.completedHeight).toBe(2);
  });
  it('labels months in the UI language, with the year on the first bar and on January', () => {
    const zh = trendBars({
      trend: ['2025-11', '2025-12', '2026-01', '2026-02'].map((month) => ({ month, created: 0, completed: 0 })),
      locale: 'zh-CN',
    });
    expect(zh.map((bar) => [bar.label, bar.year])).toEqual([
      ['11月', '2025年'],
      ['12月', null],
      ['1月', '2026年'],
      ['2月', null],
    ]);
    expect(zh[2]?.fullLabel).toBe('2026年1月');
    const en = trendBars({ trend: [{ month: '2026-03', created: 0, completed: 0 }], locale: 'en' });
    expect(en[0]).toMatchObject({ label: 'Mar', year: '2026', fullLabel: 'March 2026', createdHeight: 0 });
  });
  it('draws nothing taller than zero for an empty year', () => {
    const bars = trendBars({ trend: [{ month: '2026-03', created: 0, completed: 0 }], locale: 'en' });
    expect(bars[0]?.createdHeight).toBe(0);
  });
});
