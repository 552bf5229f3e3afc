import dayjs from 'dayjs';

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'last30Days' | 'thisYear';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['thisMonth', 'lastMonth', 'last30Days', 'thisYear'];

/** Inclusive local dates, YYYY-MM-DD, as the reports API takes them. */
export type ReportPeriod = { from: string; to: string };

/** The longest period the reports API accepts, in days (a year and a day). */
export const MAX_REPORT_DAYS = 366;

const DATE = 'YYYY-MM-DD';

/** A preset's dates on the day `today` (YYYY-MM-DD): the calendar is passed in, so tests can fix it. */
export function presetPeriod(preset: PeriodPreset, today: string): ReportPeriod {
  const day = dayjs(today);
  switch (preset) {
    case 'thisMonth':
      return { from: day.startOf('month').format(DATE), to: day.format(DATE) };
    case 'lastMonth': {
      const previous = day.startOf('month').subtract(1, 'month');
      return { from: previous.format(DATE), to: previous.endOf('month').format(DATE) };
    }
    case 'last30Days':
      return { from: day.subtract(29, 'day').format(DATE), to: day.format(DATE) };
    case 'thisYear':
      return { from: day.startOf('year').format(DATE), to: day.format(DATE) };
  }
}
