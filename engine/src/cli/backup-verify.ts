import path from 'node:path';
import { verifyBackup } from '../backup/backup-restorer';
import { commandArgs, runCli } from './engine-context';

/** `estateflow backup verify <folder>`: reads every file of a backup against its manifest; changes nothing. */
runCli(async () => {
  const args = commandArgs(['backup', 'verify']);
  if (args.length !== 1 || args[0]?.startsWith('-')) throw new Error('usage: estateflow backup verify <backup folder>');
  const folder = path.resolve(args[0] ?? '');
  const { manifest, problems } = await verifyBackup(folder);
  if (problems.length > 0) throw new Error(`The backup ${folder} is damaged:\n- ${problems.join('\n- ')}`);
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  process.stdout.write(
    `Backup intact: ${rows} rows in ${manifest.tables.length} tables and ${manifest.uploads.length} uploads match the manifest (taken ${manifest.createdAt})` +
      (manifest.base === null
        ? '.\n'
        : `; it is incremental, and the backups it builds on from ${manifest.base} back to a full one are intact too.\n`),
  );
});
