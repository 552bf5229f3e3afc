import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { uploadsDir } from '../attachments/attachment-storage';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import { DATABASE_URL } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { KeyRotationService } from '../privacy/key-rotation.service';
import { readManifest } from './backup-manifest';
import { backupDue, backupsToRemove, fullBackupDue, takenAt } from './backup-schedule';
import { finishedBackups, writeBackup, type WrittenBackup } from './backup-writer';

/** An unfinished backup folder this old belongs to a backup that died. */
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

/** A backup's kind and base by its manifest; an unreadable one counts as a full backup on nothing. */
function kindOf(folder: string): { kind: 'full' | 'incremental'; base: string | null } {
  try {
    const { kind, base } = readManifest(folder);
    return { kind, base };
  } catch {
    return { kind: 'full', base: null };
  }
}

/**
 * Backups of the whole installation (docs/backups.md): `estateflow backup` takes one on demand,
 * and the engine takes one itself every day at the configured hour — or at its next start when
 * that hour passed while it was down — full once a week, incremental on the other days; then it
 * removes the backups the retention no longer keeps.
 */
@Injectable()
export class BackupService implements OnModuleInit {
  private readonly logger = new Logger('Backup');
  private running: Promise<void> | null = null;
  /** When this engine began keeping daily backups (its first sweep). */
  private keptSince: Date | null = null;

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly owner: OwnerDatabase,
    private readonly keys: KeyRotationService,
    private readonly registry: JobHandlerRegistry,
  ) {}

  onModuleInit(): void {
    if (this.config.backups.daily === null) return;
    // The sweep only decides; the backup itself runs beside the worker, which goes on with its jobs.
    this.registry.registerSweep({ name: 'backup.daily', everyMs: 60_000, run: async (now) => this.startIfDue(now) });
  }

  /**
   * Writes a backup of the database (as the schema owner: a backup crosses companies) and its
   * uploads: full, or `incremental` — the changes since the newest backup in `root`.
   */
  async backUp(options: { root?: string; incremental?: boolean } = {}): Promise<WrittenBackup> {
    const usage = await this.keys.keyUsage();
    return writeBackup({
      databaseUrl: this.databaseUrl,
      uploadsDir: uploadsDir(this.config.dataDir),
      root: options.root ?? this.config.backups.dir,
      dataKeys: [...usage.keys()],
      incremental: options.incremental ?? false,
    });
  }

  /** Whether the daily backup is due (backupDue) by the backups in the folder now. */
  isDue(now: Date): boolean {
    const daily = this.config.backups.daily;
    if (daily === null) return false;
    this.keptSince ??= now;
    const newest = finishedBackups(this.config.backups.dir).at(-1);
    return backupDue({ now, hour: daily.hour, newest: newest === undefined ? null : takenAt(newest), keptSince: this.keptSince });
  }

  /** Deletes what the retention no longer keeps, and unfinished folders of backups that died (hours ago). */
  prune(): string[] {
    const daily = this.config.backups.daily;
    if (daily === null) return [];
    const root = this.config.backups.dir;
    const removed = backupsToRemove(finishedBackups(root), daily, (name) => kindOf(path.join(root, name)).base);
    for (const name of removed) fs.rmSync(path.join(root, name), { recursive: true, force: true });
    // A backup still being written (by `estateflow backup`, say) is younger than this.
    const abandonedBefore = Date.now() - ABANDONED_AFTER_MS;
    for (const entry of fs.existsSync(root) ? fs.readdirSync(root) : []) {
      const folder = path.join(root, entry);
      if (entry.endsWith('.partial') && fs.statSync(folder).mtimeMs < abandonedBefore) fs.rmSync(folder, { recursive: true, force: true });
    }
    return removed;
  }

  private startIfDue(now: Date): void {
    if (this.running !== null || !this.isDue(now)) return;
    this.running = this.dailyBackup(now)
      .catch((error: unknown) => this.logger.error(`The daily backup failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = null));
  }

  private async dailyBackup(now: Date): Promise<void> {
    const client = await this.owner.pool.connect();
    try {
      const locked = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [ADVISORY_LOCKS.backup]);
      // Another engine is taking it; if it shares this folder it is due no more, otherwise the next sweep retries.
      if (locked.rows[0]?.locked !== true) return;
      try {
        if (!this.isDue(now)) return;
        const root = this.config.backups.dir;
        const backups = finishedBackups(root).map((name) => ({ name, kind: kindOf(path.join(root, name)).kind }));
        const written = await this.backUp({ incremental: !fullBackupDue(now, backups) });
        const removed = this.prune();
        const { manifest } = written;
        this.logger.log(
          `Backup written to ${written.folder} (${manifest.kind}` +
            (manifest.base === null
              ? ''
              : ` on ${manifest.base}: ${manifest.tables.reduce((sum, table) => sum + table.data.rows, 0)} rows new or changed`) +
            `; ${manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows, ${manifest.uploads.length} uploads)` +
            (removed.length > 0 ? `; removed ${removed.length} older backups` : ''),
        );
        if (written.manifest.missingUploads.length > 0)
          this.logger.warn(`${written.manifest.missingUploads.length} uploads named by attachments are missing from the data folder.`);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.backup]);
      }
    } finally {
      client.release();
    }
  }
}
