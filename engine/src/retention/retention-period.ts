/** Three years after leaving, unless the company sets otherwise (Company.settings.personRetentionDays). */
export const DEFAULT_PERSON_RETENTION_DAYS = 1095;

/** The retention period a company's settings ask for, in days (1–3650), or the default. */
export function personRetentionDays(settings: unknown): number {
  if (typeof settings !== 'object' || settings === null || !('personRetentionDays' in settings)) return DEFAULT_PERSON_RETENTION_DAYS;
  const days = settings.personRetentionDays;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_PERSON_RETENTION_DAYS;
}
