// The built engine as a child process for the benchmarks: on the given database (or, without one,
// its own embedded PostgreSQL in `dataDir`), seeded with the demo data, on a free loopback port.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const main = path.join(root, 'engine', 'dist', 'main.js');

/** Exits with a hint when the engine has not been built. */
export function requireBuiltEngine() {
  if (!fs.existsSync(main)) {
    console.error('Build first: npm run build');
    process.exit(2);
  }
}

/** Resolves once the engine says where it listens: `{ child, url }`. */
export async function launchEngine({ databaseUrl = '', dataDir, env = {}, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      ESTATEFLOW_DATA_DIR: dataDir,
      ESTATEFLOW_SEED_DEMO: 'true',
      // A bench measures the data it writes itself.
      ESTATEFLOW_DEMO_HISTORY: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const match = /EstateFlow is running at (http:\/\/\S+)/.exec(output);
    if (match) return { child, url: match[1].replace('localhost', '127.0.0.1') };
    if (child.exitCode !== null) throw new Error(`engine exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`engine did not start:\n${output}`);
}
