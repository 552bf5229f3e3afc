import { describe, expect, it } from 'vitest';
import { backupDue, backupsToRemove, fullBackupDue, nextBackupAt, previousBackupAt, takenAt } from './backup-schedule';
import { backupName } from './backup-writer';

// These run in the machine's own time zone, as the schedule does: the expectations use local times too.
function local(year: number, month: number, day: number, hour: number, minute = 0): Date {
  return new Date(year, month - 1, day, hour, minute);
}

describe('the daily backup schedule', () => {
  it('names a backup by its UTC moment and reads the moment back', () => {
    const at = new Date('2026-11-22T03:00:07.450Z');
    expect(backupName(at)).toBe('estateflow-20261122T030007Z');
    expect(takenAt(backupName(at))?.toISOString()).toBe('2026-11-22T03:00:07.000Z');
    expect(takenAt('estateflow-20261122T030007Z.partial')).toBeNull();
    expect(takenAt('notes.txt')).toBeNull();
  });

  it('finds the next and the previous time the clock shows the hour', () => {
    expect(nextBackupAt(local(2026, 11, 22, 2, 59), 3)).toEqual(local(2026, 11, 22, 3));
    expect(nextBackupAt(local(2026, 11, 22, 3, 0), 3)).toEqual(local(2026, 11, 23, 3));
    expect(previousBackupAt(local(2026, 11, 22, 3, 0), 3)).toEqual(local(2026, 11, 22, 3));
    expect(previousBackupAt(local(2026, 11, 22, 2, 59), 3)).toEqual(local(2026, 11, 21, 3));
    expect(nextBackupAt(local(2026, 12, 31, 23, 30), 3)).toEqual(local(2027, 1, 1, 3));
  });

  it('is due once the hour has come since the newest backup, or since the engine began keeping them', () => {
    const keptSince = local(2026, 11, 22, 10);
    // A fresh install waits for the hour instead of backing up an empty database at its first start.
    expect(backupDue({ now: local(2026, 11, 22, 10, 1), hour: 3, newest: null, keptSince })).toBe(false);
    expect(backupDue({ now: local(2026, 11, 23, 3, 0), hour: 3, newest: null, keptSince })).toBe(true);
    // Taken at 03:00 today: not again before tomorrow's 03:00.
    expect(backupDue({ now: local(2026, 11, 22, 23), hour: 3, newest: local(2026, 11, 22, 3, 0), keptSince })).toBe(false);
    expect(backupDue({ now: local(2026, 11, 23, 3, 1), hour: 3, newest: local(2026, 11, 22, 3, 0), keptSince })).toBe(true);
    // Down over the hour: the backup is taken at the next start.
    expect(backupDue({ now: local(2026, 11, 25, 9), hour: 3, newest: local(2026, 11, 23, 3, 0), keptSince })).toBe(true);
  });

  it('keeps the newest days and the first backup of each recent week, and nothing that is not a backup is touched', () => {
    // One backup a day, 1 October to 21 November 2026 (UTC): Mondays are 5, 12, 19, 26 Oct, 2, 9, 16 Nov.
    const names: string[] = [];
    for (let day = 0; day < 52; day++) names.push(backupName(new Date(Date.UTC(2026, 9, 1 + day, 3))));
    const removed = backupsToRemove([...names, 'notes.txt', '.estateflow-20261122T030000Z.partial'], { keepDays: 7, keepWeeks: 4 });
    const kept = names.filter((name) => !removed.includes(name));
    expect(kept).toEqual([
      'estateflow-20261026T030000Z',
      'estateflow-20261102T030000Z',
      'estateflow-20261109T030000Z',
      'estateflow-20261115T030000Z',
      'estateflow-20261116T030000Z',
      'estateflow-20261117T030000Z',
      'estateflow-20261118T030000Z',
      'estateflow-20261119T030000Z',
      'estateflow-20261120T030000Z',
      'estateflow-20261121T030000Z',
    ]);
    expect(removed).not.toContain('notes.txt');
    expect(backupsToRemove(names.slice(0, 3), { keepDays: 7, keepWeeks: 0 })).toEqual([]);
  });

  it('takes a full backup weekly and incremental ones on the other days, and keeps every backup a kept one builds on', () => {
    // Monday 16 November 2026 (UTC) began the week.
    const monday = backupName(new Date(Date.UTC(2026, 10, 16, 3)));
    const sunday = backupName(new Date(Date.UTC(2026, 10, 15, 3)));
    expect(fullBackupDue(new Date(Date.UTC(2026, 10, 16, 3)), [{ name: sunday, kind: 'full' }])).toBe(true);
    expect(fullBackupDue(new Date(Date.UTC(2026, 10, 17, 3)), [{ name: monday, kind: 'full' }])).toBe(false);
    expect(fullBackupDue(new Date(Date.UTC(2026, 10, 17, 3)), [{ name: monday, kind: 'incremental' }])).toBe(true);
    expect(fullBackupDue(new Date(Date.UTC(2026, 10, 17, 3)), [])).toBe(true);

    // Full on Mondays (2, 9, 16 Nov), each other day on the day before.
    const names: string[] = [];
    const base = new Map<string, string | null>();
    for (let day = 0; day < 20; day++) {
      const at = new Date(Date.UTC(2026, 10, 2 + day, 3));
      const name = backupName(at);
      base.set(name, at.getUTCDay() === 1 ? null : (names.at(-1) ?? null));
      names.push(name);
    }
    const removed = backupsToRemove(names, { keepDays: 2, keepWeeks: 2 }, (name) => base.get(name) ?? null);
    const kept = names.filter((name) => !removed.includes(name));
    // The last two days (20, 21 Nov) need every day back to Monday 16; the week before keeps its full.
    expect(kept).toEqual([
      'estateflow-20261109T030000Z',
      'estateflow-20261116T030000Z',
      'estateflow-20261117T030000Z',
      'estateflow-20261118T030000Z',
      'estateflow-20261119T030000Z',
      'estateflow-20261120T030000Z',
      'estateflow-20261121T030000Z',
    ]);
  });
});
