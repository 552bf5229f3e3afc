import { BACKUP_NAME } from './backup-writer';

/** When a backup named by backupName() was taken. */
export function takenAt(name: string): Date | null {
  const stamp = BACKUP_NAME.exec(name)?.[1];
  if (stamp === undefined) return null;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The next time the clock of this machine shows `hour`:00, strictly after `now`. */
export function nextBackupAt(now: Date, hour: number): Date {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

/** The last time at or before `now` that the clock of this machine showed `hour`:00. */
export function previousBackupAt(now: Date, hour: number): Date {
  const previous = new Date(now);
  previous.setHours(hour, 0, 0, 0);
  if (previous.getTime() > now.getTime()) previous.setDate(previous.getDate() - 1);
  return previous;
}

/**
 * The daily backup is due once the clock has shown its hour since the newest backup — or, with
 * none yet, since the engine began to keep them (a fresh install takes its first at the next hour).
 */
export function backupDue(input: { now: Date; hour: number; newest: Date | null; keptSince: Date }): boolean {
  return previousBackupAt(input.now, input.hour).getTime() > (input.newest ?? input.keptSince).getTime();
}

/** Monday 00:00 UTC of the week `at` falls in: the key that groups backups by week. */
export function weekOf(at: Date): number {
  const day = (at.getUTCDay() + 6) % 7;
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day);
}

/**
 * Whether the next daily backup must be a full one: weekly full, daily incremental. A full backup
 * is due when none was taken since the week began (Monday 00:00 UTC).
 */
export function fullBackupDue(now: Date, backups: readonly { name: string; kind: 'full' | 'incremental' }[]): boolean {
  return !backups.some((backup) => backup.kind === 'full' && (takenAt(backup.name)?.getTime() ?? -Infinity) >= weekOf(now));
}

/**
 * Which backups to delete: all but the newest `keepDays`, and the first backup of each of the
 * `keepWeeks` most recent weeks (so a month back there is still one a week) — and never a backup
 * that a kept incremental one builds on (`baseOf`). Names that are not backups are never touched.
 */
export function backupsToRemove(
  names: readonly string[],
  keep: { keepDays: number; keepWeeks: number },
  baseOf: (name: string) => string | null = () => null,
): string[] {
  const dated = names
    .map((name) => ({ name, at: takenAt(name) }))
    .filter((backup): backup is { name: string; at: Date } => backup.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const kept = new Set(dated.slice(-keep.keepDays).map((backup) => backup.name));
  const firstOfWeek = new Map<number, string>();
  for (const backup of dated) if (!firstOfWeek.has(weekOf(backup.at))) firstOfWeek.set(weekOf(backup.at), backup.name);
  const weeks = [...firstOfWeek.keys()].sort((a, b) => b - a).slice(0, keep.keepWeeks);
  for (const week of weeks) kept.add(firstOfWeek.get(week) ?? '');
  for (const name of [...kept]) {
    const seen = new Set<string>();
    for (let base = baseOf(name); base !== null && !seen.has(base); base = baseOf(base)) {
      seen.add(base);
      kept.add(base);
    }
  }
  return dated.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
}
