import 'reflect-metadata';
import path from 'node:path';
import { uploadsDir } from '../attachments/attachment-storage';
import { AuditViewerService } from '../audit/audit-viewer.service';
import { checkRestorable, RestoreRefused, restoreBackup } from '../backup/backup-restorer';
import { loadConfig } from '../config/config';
import { OwnerDatabase } from '../database/owner-database.service';
import { checkLogsFold } from '../instances/log-folds';
import { findKeyRing } from '../privacy/key-ring';
import { commandArgs, runCli, withDatabase, withEngineContext } from './engine-context';

const USAGE = `estateflow restore <backup folder>

Restores a backup into an empty database: DATABASE_URL, or a new embedded one in
ESTATEFLOW_DATA_DIR (use a new data folder). The data key the backup needs must be configured
first: copy keys/data.key into the new data folder, or set ESTATEFLOW_DATA_KEY. Afterwards it checks
that every table equals the backup, every instance's event log folds to its snapshot, and the audit
chain is intact.`;

function print(line: string): void {
  process.stdout.write(line + '\n');
}

runCli(async () => {
  const args = commandArgs(['restore']);
  if (args.includes('--help')) {
    print(USAGE);
    return;
  }
  if (args.length !== 1 || args[0]?.startsWith('-')) throw new Error(USAGE);
  const folder = path.resolve(args[0] ?? '');
  const config = loadConfig(process.env);
  const ring = findKeyRing(config);
  const target = { folder, uploadsDir: uploadsDir(config.dataDir), keyIds: new Set(ring === null ? [] : ring.keys.keys()) };
  print('Checking the backup’s files…');
  const manifest = await checkRestorable(target);
  await withDatabase(config, async (databaseUrl) => {
    const report = await restoreBackup({ ...target, databaseUrl, manifest, onProgress: print }).catch((error: unknown) => {
      throw error instanceof RestoreRefused
        ? error
        : new Error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    print(
      `Restored ${report.rows} rows and ${report.uploads} uploads from the backup of ${report.manifest.createdAt}; every table equals the backup.`,
    );
    if (report.migratedAfter.length > 0)
      print(`Then applied ${report.migratedAfter.length} newer migrations: ${report.migratedAfter.join(', ')}`);

    // The engine's own start-up on the restored data (its key check included), then the two promises a backup must keep.
    await withEngineContext(
      async ({ app }) => {
        const client = await app.get(OwnerDatabase).pool.connect();
        try {
          const folds = await checkLogsFold(client);
          if (folds.problems.length > 0)
            throw new Error(`Restored, but some event logs do not fold to their snapshots:\n- ${folds.problems.join('\n- ')}`);
          print(`Every event log folds to its snapshot (${folds.instances} instances).`);
        } finally {
          client.release();
        }
        const audit = await app.get(AuditViewerService).verify();
        if (!audit.ok) throw new Error(`Restored, but the audit chain is broken after ${audit.rows} rows: ${audit.problem.message}`);
        print(`Audit chain intact (${audit.rows} rows).`);
      },
      { databaseUrl },
    );
  });
});
