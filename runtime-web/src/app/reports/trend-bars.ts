import type { Locale, ReportSummary } from '../../api/types';

export type TrendBar = {
  month: string;
  /** "3月" / "Mar"; the year ("2026年" / "2026") on the first bar and on each January. */
  label: string;
  year: string | null;
  /** "2026年3月" / "March 2026", for screen readers. */
  fullLabel: string;
  created: number;
  completed: number;
  /** Bar heights, 0–100 (% of the busiest month); a month with any request shows at least a sliver. */
  createdHeight: number;
  completedHeight: number;
};

const MIN_VISIBLE = 2;

/** The monthly trend scaled for a bar chart drawn with plain elements. */
export function trendBars(input: { trend: ReportSummary['trend']; locale: Locale }): TrendBar[] {
  const max = Math.max(0, ...input.trend.flatMap((month) => [month.created, month.completed]));
  const height = (value: number) => (value <= 0 || max === 0 ? 0 : Math.max(MIN_VISIBLE, Math.round((value / max) * 1000) / 10));
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(input.locale, { ...options, timeZone: 'UTC' });
  const short = format({ month: 'short' });
  const year = format({ year: 'numeric' });
  const full = format({ year: 'numeric', month: 'long' });
  return input.trend.map((month, index) => {
    const [y = 1970, m = 1] = month.month.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, 1));
    return {
      month: month.month,
      label: short.format(date),
      year: index === 0 || m === 1 ? year.format(date) : null,
      fullLabel: full.format(date),
      created: month.created,
      completed: month.completed,
      createdHeight: height(month.created),
      completedHeight: height(month.completed),
    };
  });
}
