/** A business calendar that works every hour of every day: a due time is then the start plus the SLA exactly. */
export const ROUND_THE_CLOCK = {
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  hours: [{ from: '00:00', to: '24:00' }],
  holidays: [],
  workdays: [],
};
