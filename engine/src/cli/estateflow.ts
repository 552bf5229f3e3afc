#!/usr/bin/env node
/**
 * The `estateflow` command: one entry point for the engine's command-line tasks. Each task is its
 * own module under cli/ that runs when loaded, so that it also works as `node dist/cli/<task>.js`.
 */
const COMMANDS: Record<string, { file: string; summary: string }> = {
  'audit verify': { file: './audit-verify', summary: 'check the audit log’s hash chain; exit 1 naming the first tampered row' },
  'backup verify': { file: './backup-verify', summary: 'check a backup’s files against its manifest; changes nothing' },
  backup: { file: './backup', summary: 'write a backup of the database and the uploads (estateflow backup --help)' },
  restore: { file: './restore', summary: 'restore a backup into an empty database, then check it (estateflow restore --help)' },
  seed: { file: './seed', summary: 'load the demo companies that are missing' },
  'rotate-key': { file: './rotate-key', summary: 'move every personal-data ciphertext to the current key' },
  pack: { file: './pack', summary: 'validate, test, build, diff, export, import and upgrade template packs (estateflow pack --help)' },
};

const words = process.argv.slice(2);
const match = Object.keys(COMMANDS).find((name) => name.split(' ').every((word, index) => words[index] === word));
const command = match === undefined ? undefined : COMMANDS[match];
if (command === undefined) {
  process.stderr.write(
    `usage: estateflow <command>\n${Object.entries(COMMANDS)
      .map(([name, entry]) => `  ${name.padEnd(14)} ${entry.summary}`)
      .join('\n')}\n`,
  );
  process.exit(2);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the task runs when loaded
  require(command.file);
}
