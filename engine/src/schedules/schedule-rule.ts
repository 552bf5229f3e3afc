/** When a schedule runs (Schedule.rule): every day, week or month at a local time of the estate. */
export interface ScheduleRule {
  every: 'day' | 'week' | 'month';
  /** Local time "HH:MM". */
  at: string;
  /** week: ISO weekday 1 (Monday) … 7; month: day of the month 1 … 31 (the last day in shorter months). */
  day?: number;
}

export class ScheduleRuleError extends Error {}

/** Reads a stored or submitted rule, refusing anything the scheduler cannot follow. */
export function parseScheduleRule(value: unknown): ScheduleRule {
  if (typeof value !== 'object' || value === null) throw new ScheduleRuleError('rule must be { every, at, day? }.');
  const every: unknown = Reflect.get(value, 'every');
  const at: unknown = Reflect.get(value, 'at');
  const day: unknown = Reflect.get(value, 'day');
  if (every !== 'day' && every !== 'week' && every !== 'month') throw new ScheduleRuleError('rule.every must be day, week or month.');
  if (typeof at !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) throw new ScheduleRuleError('rule.at must be a time like "09:00".');
  if (every === 'day') return { every, at };
  const max = every === 'week' ? 7 : 31;
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > max)
    throw new ScheduleRuleError(`rule.day must be a whole number from 1 to ${max}.`);
  return { every, at, day };
}
