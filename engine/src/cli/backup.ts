import 'reflect-metadata';
import path from 'node:path';
import { BackupService } from '../backup/backup.service';
import { commandArgs, runCli, withEngineContext } from './engine-context';

const USAGE = `estateflow backup [--to <folder>] [--incremental]

Writes a backup of the whole database and the uploaded files into a new folder inside <folder>
(default ESTATEFLOW_BACKUP_DIR, or <dataDir>/backups). With --incremental, only the rows new, changed
or gone since the newest backup there (a full backup when there is none it can build on); a restore
of it needs the backups it builds on beside it. The running engine takes one every day: full once a
week, incremental on the other days.
The data key is not in the backup: keep keys/data.key (or ESTATEFLOW_DATA_KEY) safe elsewhere.
With the embedded database, stop the engine first (or set DATABASE_URL).`;

runCli(async () => {
  const args = commandArgs(['backup']);
  if (args.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const incremental = args.includes('--incremental');
  const rest = args.filter((arg) => arg !== '--incremental');
  const to = rest[0] === '--to' && rest.length === 2 ? rest[1] : undefined;
  if (rest.length > 0 && to === undefined) throw new Error(`${USAGE}\n\nunknown arguments: ${rest.join(' ')}`);
  await withEngineContext(async ({ app }) => {
    const written = await app.get(BackupService).backUp({ ...(to === undefined ? {} : { root: path.resolve(to) }), incremental });
    const { manifest } = written;
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const changes =
      manifest.base === null
        ? '  full: every row\n'
        : `  incremental on ${manifest.base}: ${manifest.tables.reduce((sum, table) => sum + table.data.rows, 0)} rows new or changed, ` +
          `${manifest.tables.reduce((sum, table) => sum + (table.deleted?.rows ?? 0), 0)} gone\n`;
    process.stdout.write(
      `Backup written to ${written.folder}\n` +
        changes +
        `  ${rows} rows in ${manifest.tables.length} tables, ${manifest.uploads.length} uploads (${written.linkedUploads} linked from the previous backup)\n` +
        `  schema: ${manifest.migrations.length} migrations; data keys needed to read it: ${manifest.dataKeys.join(', ') || 'none'}\n`,
    );
    if (manifest.missingUploads.length > 0)
      process.stdout.write(`  warning: ${manifest.missingUploads.length} uploads named by attachments are missing from the data folder\n`);
    if (written.changedUploads.length > 0)
      process.stdout.write(
        `  warning: ${written.changedUploads.length} uploads changed since they were uploaded: ${written.changedUploads.join(', ')}\n`,
      );
  });
});
