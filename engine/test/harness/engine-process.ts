import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from './test-database';

export const REPOSITORY_ROOT = path.join(__dirname, '..', '..', '..');
const MAIN = path.join(REPOSITORY_ROOT, 'engine', 'dist', 'main.js');
/** A fixed, test-only personal-data key (32 bytes, base64). */
export const TEST_DATA_KEY = Buffer.alloc(32, 0x5e).toString('base64');

export interface EngineProcess {
  url: string;
  databaseUrl: string;
  dataDir: string;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to clean up, as when a server dies. */
  kill(): Promise<void>;
  /** Start a new process on the same database and data folder (after stop or kill). */
  restart(): Promise<EngineProcess>;
}

export interface StartEngineOptions {
  /** Use this database instead of a fresh one (two engines on one database). */
  databaseUrl?: string;
  dataDir?: string;
  /** Load the demo company, estates, staff, owners and packs (default true). */
  seed?: boolean;
  env?: Record<string, string>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/**
 * Spawns the built engine (`engine/dist/main.js`, run `npm run build` first) on a fresh database
 * and a temporary data folder, and waits until it answers /api/health.
 */
export async function startEngine(options: StartEngineOptions = {}): Promise<EngineProcess> {
  if (!fs.existsSync(MAIN)) throw new Error('engine/dist/main.js is missing: run "npm run build" before the tests.');
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-test-data-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      ESTATEFLOW_DATA_DIR: dataDir,
      ESTATEFLOW_SEED_DEMO: options.seed === false ? 'false' : 'true',
      // Tests count requests from zero; the quick-start test and the history's own test ask for it.
      ESTATEFLOW_DEMO_HISTORY: 'false',
      // A test engine takes no daily backup unless its test asks (the backup tests do).
      ESTATEFLOW_BACKUPS: 'false',
      LOG_LEVEL: 'warn',
      // Engines on one database must share the data key (docs/security.md), so every engine of a
      // test run gets the same one; pass ESTATEFLOW_DATA_KEY: '' to test the key file instead.
      ESTATEFLOW_DATA_KEY: TEST_DATA_KEY,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start within 120 s:\n${output}`)), 120_000);
    const poll = setInterval(() => {
      const match = /EstateFlow is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`engine exited with code ${code} before it was ready:\n${output}`));
    });
  });

  const engine: EngineProcess = {
    url,
    databaseUrl,
    dataDir,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await waitForExit(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
    restart: () => startEngine({ ...options, databaseUrl, dataDir }),
  };
  return engine;
}
