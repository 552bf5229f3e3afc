import { describe, expect, it } from 'vitest';
import { backupDue, backupsToRemove, nextBackupAt, previousBackupAt, takenAt } from './backup-schedule';
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
});
