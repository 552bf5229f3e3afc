/** When a schedule runs, as the engine takes it (GET/POST /api/estates/{id}/schedules). */
export type ScheduleRule = { every: 'day' | 'week' | 'month'; at: string; day?: number };

const WEEKDAYS = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;

/** An ISO weekday (1 = Monday) by name: 周一, Monday. */
export function weekdayName(day: number, locale: 'zh-CN' | 'en'): string {
  return WEEKDAYS[locale][day - 1] ?? '';
}

/** A rule in words: 每天 09:00, 每周一 09:00, 每月 1 日 09:00 (every day / every Monday / on day 1 of every month at 09:00). */
export function describeRule(rule: ScheduleRule, locale: 'zh-CN' | 'en'): string {
  const day = rule.day ?? 1;
  if (locale === 'en') {
    if (rule.every === 'day') return `Every day at ${rule.at}`;
    if (rule.every === 'week') return `Every ${weekdayName(day, 'en')} at ${rule.at}`;
    return `On day ${day} of every month at ${rule.at}`;
  }
  if (rule.every === 'day') return `每天 ${rule.at}`;
  if (rule.every === 'week') return `每${weekdayName(day, 'zh-CN')} ${rule.at}`;
  return `每月 ${day} 日 ${rule.at}`;
}

/** The rule a form's fields stand for: a weekday for a weekly plan, a day of the month for a monthly one. */
export function ruleOf(input: { every: ScheduleRule['every']; at: string; weekday?: number; monthDay?: number }): ScheduleRule {
  if (input.every === 'week') return { every: 'week', at: input.at, day: input.weekday ?? 1 };
  if (input.every === 'month') return { every: 'month', at: input.at, day: input.monthDay ?? 1 };
  return { every: 'day', at: input.at };
}

/**
 * Whether a workflow can run on a schedule from this page: its start form asks for nothing that
 * must be filled in (each run starts with the workflow's defaults — the inspection route of the
 * estate, say). A repair needs a description; no plan can give one.
 */
export function schedulable(workflow: { startForm: { schema: Record<string, unknown> } | null }): boolean {
  const required = workflow.startForm?.schema['required'];
  return !Array.isArray(required) || required.length === 0;
}

/** An instant as the estate's clock shows it ("2026-11-24 09:00"), whatever the browser's own zone. */
export function estateTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
