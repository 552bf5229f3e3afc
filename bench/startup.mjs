// Seconds from launching the engine to a healthy /api/health, cold (a new data folder: the
// embedded PostgreSQL is initialised, migrated and seeded) and warm (the same folder again).
// Usage: npm run bench:startup   (build first: npm run build)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const main = path.join(root, 'engine', 'dist', 'main.js');
if (!fs.existsSync(main)) {
  console.error('Build first: npm run build');
  process.exit(2);
}

async function launch(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ESTATEFLOW_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  let url = null;
  while (Date.now() < deadline) {
    url ??= /EstateFlow is running at (http:\/\/\S+)/.exec(output)?.[1]?.replace('localhost', '127.0.0.1') ?? null;
    if (url) {
      const healthy = await fetch(`${url}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) break;
    }
    if (child.exitCode !== null) throw new Error(`engine exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const seconds = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return seconds;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-bench-startup-'));
try {
  const cold = await launch(dataDir);
  const warm = await launch(dataDir);
  console.log(`cold start (new data folder, init + migrate + seed): ${cold.toFixed(2)} s`);
  console.log(`warm start (existing data folder):                 ${warm.toFixed(2)} s`);
  console.log(`ratio warm/cold: ${(warm / cold).toFixed(2)}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
