import 'reflect-metadata';
import path from 'node:path';
import { BackupService } from '../backup/backup.service';
import { commandArgs, runCli, withEngineContext } from './engine-context';

const USAGE = `estateflow backup [--to <folder>]

Writes a backup of the whole database and the uploaded files into a new folder inside <folder>
(default ESTATEFLOW_BACKUP_DIR, or <dataDir>/backups). The running engine also takes one every day.
The data key is not in the backup: keep keys/data.key (or ESTATEFLOW_DATA_KEY) safe elsewhere.
With the embedded database, stop the engine first (or set DATABASE_URL).`;

runCli(async () => {
  const args = commandArgs(['backup']);
  if (args.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const to = args[0] === '--to' && args.length === 2 ? args[1] : undefined;
  if (args.length > 0 && to === undefined) throw new Error(`${USAGE}\n\nunknown arguments: ${args.join(' ')}`);
  await withEngineContext(async ({ app }) => {
    const written = await app.get(BackupService).backUp(to === undefined ? undefined : path.resolve(to));
    const { manifest } = written;
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(
      `Backup written to ${written.folder}\n` +
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
