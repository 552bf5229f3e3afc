import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, REPOSITORY_ROOT, startEngine, TEST_DATA_KEY } from '../harness/engine-process';
import { createTestDatabase } from '../harness/test-database';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { checkLogsFold } from '../../src/instances/log-folds';
import { ADVISORY_LOCKS } from '../../src/database/advisory-locks';
import type { BackupManifest } from '../../src/backup/backup-manifest';

// RELIABILITY 22: a scripted backup and restore; the restore lands in a fresh database with every
// row, every upload, every event log folding to its snapshot and the audit chain intact.

const run = promisify(execFile);
const CLI = path.join(REPOSITORY_ROOT, 'engine', 'dist', 'cli', 'estateflow.js');

let engine: EngineProcess;
let logins: DemoLogins;
let setup: RepairSetup;
let backupRoot: string;
let backupFolder: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function estateflow(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ESTATEFLOW_DATA_KEY: TEST_DATA_KEY, ...env },
      timeout: 180_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function temporaryFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `estateflow-${prefix}-`));
}

async function withDatabase<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function tableNames(url: string): Promise<string[]> {
  return withDatabase(url, async (client) =>
    (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map(
      (row) => row.name,
    ),
  );
}

function manifestOf(folder: string): BackupManifest {
  return JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
}

beforeAll(async () => {
  // The demo with its past: requests with photos, notifications, pending timers and tasks.
  engine = await startEngine({ env: { ESTATEFLOW_DEMO_HISTORY: 'true' } });
  logins = readDemoLogins(engine.dataDir);
  setup = await publishAndBindRepair(engine.url, engine.dataDir);
  backupRoot = temporaryFolder('backups');
}, 240_000);

afterAll(async () => {
  await engine?.stop();
});

describe('backup and restore', () => {
  it('backs up a running engine while requests keep coming: one consistent snapshot of every table and upload', async () => {
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    let writing = true;
    let started = 0;
    const traffic = (async () => {
      while (writing) {
        const reply = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        started += 1;
      }
    })();
    const result = await estateflow(['backup', '--to', backupRoot], {
      DATABASE_URL: engine.databaseUrl,
      ESTATEFLOW_DATA_DIR: engine.dataDir,
    });
    writing = false;
    await traffic;
    expect(result.code, result.stderr).toBe(0);
    expect(started).toBeGreaterThan(0);

    const folders = fs.readdirSync(backupRoot);
    expect(folders).toHaveLength(1);
    backupFolder = path.join(backupRoot, folders[0] ?? '');
    expect(result.stdout).toContain(`Backup written to ${backupFolder}`);
    const manifest = manifestOf(backupFolder);
    const count = (table: string) => manifest.tables.find((entry) => entry.name === table)?.rows ?? -1;
    expect(count('Instance')).toBeGreaterThan(150);
    expect(count('InstanceEvent')).toBeGreaterThan(count('Instance'));
    expect(manifest.tables.map((table) => table.name)).not.toContain('LiveChange');
    // Parents before children: a restore loads them in this order.
    const order = manifest.tables.map((table) => table.name);
    expect(order.indexOf('Company')).toBeLessThan(order.indexOf('Estate'));
    expect(order.indexOf('Instance')).toBeLessThan(order.indexOf('InstanceEvent'));
    expect(manifest.uploads.length).toBeGreaterThan(100);
    expect(manifest.missingUploads).toEqual([]);
    expect(manifest.dataKeys).toHaveLength(1);
    // No key and no plaintext phone number in the backup (definitions aside: their scenarios hold made-up ones).
    const rows = manifest.tables
      .filter((table) => table.name !== 'WorkflowDefinition' && table.name !== 'DefinitionVersion')
      .map((table) => gunzipSync(fs.readFileSync(path.join(backupFolder, table.data.file))).toString('utf8'))
      .join('\n');
    expect(rows).not.toContain(TEST_DATA_KEY);
    expect(rows).not.toMatch(/"1[3-9]\d{9}"/);
    expect(rows).toContain('"phoneCipher":"ef1:');

    const verified = await estateflow(['backup', 'verify', backupFolder], {});
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^Backup intact: \d+ rows in \d+ tables and \d+ uploads match the manifest/);
  }, 240_000);

  it('restores into an empty database and a new data folder: the engine runs on it with every request, photo and login', async () => {
    const databaseUrl = await createTestDatabase();
    const dataDir = temporaryFolder('restored');
    const result = await estateflow(['restore', backupFolder], { DATABASE_URL: databaseUrl, ESTATEFLOW_DATA_DIR: dataDir });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('every table equals the backup');
    expect(result.stdout).toMatch(/Every event log folds to its snapshot \(\d+ instances\)/);
    expect(result.stdout).toMatch(/Audit chain intact \([1-9]\d* rows\)/);

    // Checked again here, apart from what the command says of itself.
    const manifest = manifestOf(backupFolder);
    await withDatabase(databaseUrl, async (client) => {
      for (const table of manifest.tables) {
        const rows = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table.name}"`);
        expect(rows.rows[0]?.count, table.name).toBe(table.rows);
      }
      const folds = await checkLogsFold(client);
      expect(folds.problems).toEqual([]);
      expect(folds.instances).toBe(manifest.tables.find((table) => table.name === 'Instance')?.rows);
      // New rows continue after the restored ids.
      const jobs = await client.query<{ next: string; max: string }>(
        `SELECT nextval(pg_get_serial_sequence('"Job"', 'id'))::text AS next, (SELECT max(id)::text FROM "Job") AS max`,
      );
      expect(BigInt(jobs.rows[0]?.next ?? '0')).toBeGreaterThan(BigInt(jobs.rows[0]?.max ?? '0'));
    });

    const restored = await startEngine({ databaseUrl, dataDir, seed: false });
    try {
      const manager = await signInStaff(restored.url, logins, { company: 'demo', email: 'manager@demo.estateflow.cn' });
      const original = await signInStaff(engine.url, logins, { company: 'demo', email: 'manager@demo.estateflow.cn' });
      const list = await manager.get(`/api/instances?workflowKey=repair&status=completed`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      const done = list.body.items[0];
      const there = await manager.get(`/api/instances/${done.id}`);
      const here = await original.get(`/api/instances/${done.id}`);
      expect(there.status).toBe(200);
      expect(there.body.timeline).toEqual(here.body.timeline);
      expect(there.body.data).toEqual(here.body.data);
      const photos: string[] =
        there.body.data.photos ?? there.body.timeline.flatMap((entry: { data?: { photos?: string[] } }) => entry.data?.photos ?? []);
      const photo = photos[0];
      if (photo === undefined) throw new Error(`${done.reference} has no photo`);
      const downloaded = await manager.request('GET', `/api/attachments/${photo}`, { raw: true });
      const fromOriginal = await original.request('GET', `/api/attachments/${photo}`, { raw: true });
      expect(downloaded.status).toBe(200);
      expect(Buffer.from(downloaded.bytes ?? new ArrayBuffer(0)).equals(Buffer.from(fromOriginal.bytes ?? new ArrayBuffer(0)))).toBe(true);
      // A new request on the restored data gets the next reference and works.
      const desk = await signInStaff(restored.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
      const started = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
    } finally {
      await restored.stop();
    }
  }, 240_000);

  it('backs up only what changed since the last backup (incremental), and restores the chain to the same rows', async () => {
    // A day's work after the full backup: new requests, events that change existing rows, and a
    // row gone (a withdrawn notice takes its in-app messages back).
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    for (let count = 0; count < 3; count++) {
      const reply = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
    // A request the full backup holds as submitted is dispatched: its row changes, a task is added.
    const held = gunzipSync(fs.readFileSync(path.join(backupFolder, 'tables/Instance.jsonl.gz')))
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { id: string; workflowKey: string; version: number })
      .find((row) => row.workflowKey === setup.workflowKey && row.version === 1);
    if (held === undefined) throw new Error('the full backup holds no submitted request');
    const technician = await signInStaff(engine.url, logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    const dispatched = await desk.post(`/api/instances/${held.id}/events`, {
      type: 'DISPATCH',
      data: { technicianId: (await technician.get('/api/me')).body.id },
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    const gone = await withDatabase(engine.databaseUrl, async (client) => {
      const row = await client.query<{ id: string }>(
        `DELETE FROM "Notification" WHERE id = (SELECT id FROM "Notification" ORDER BY id LIMIT 1) RETURNING id`,
      );
      return row.rows[0]?.id;
    });
    expect(gone).toBeDefined();

    const result = await estateflow(['backup', '--to', backupRoot, '--incremental'], {
      DATABASE_URL: engine.databaseUrl,
      ESTATEFLOW_DATA_DIR: engine.dataDir,
    });
    expect(result.code, result.stderr).toBe(0);
    const full = path.basename(backupFolder);
    expect(result.stdout).toContain(`incremental on ${full}`);
    const folder = path.join(backupRoot, fs.readdirSync(backupRoot).filter((name) => name !== full)[0] ?? '');
    const manifest = manifestOf(folder);
    expect(manifest.kind).toBe('incremental');
    expect(manifest.base).toBe(full);
    const table = (name: string) => manifest.tables.find((entry) => entry.name === name);
    const changed = manifest.tables.reduce((sum, entry) => sum + entry.data.rows, 0);
    const all = manifest.tables.reduce((sum, entry) => sum + entry.rows, 0);
    // Far less than the whole: the new requests and what they touched.
    expect(changed).toBeGreaterThanOrEqual(3);
    expect(changed * 10).toBeLessThan(all);
    expect(table('Instance')?.data.rows).toBeGreaterThanOrEqual(3);
    expect(table('Notification')?.deleted?.rows).toBe(1);
    expect(table('Company')?.data.rows).toBe(0);

    const verified = await estateflow(['backup', 'verify', folder], {});
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`it is incremental, and the backups it builds on from ${full} back to a full one are intact too`);

    const databaseUrl = await createTestDatabase();
    const restored = await estateflow(['restore', folder], { DATABASE_URL: databaseUrl, ESTATEFLOW_DATA_DIR: temporaryFolder('chain') });
    expect(restored.code, restored.stderr + restored.stdout).toBe(0);
    expect(restored.stdout).toContain(`Applying the changes of ${path.basename(folder)}`);
    expect(restored.stdout).toContain('every table equals the backup');
    expect(restored.stdout).toMatch(/Every event log folds to its snapshot \(\d+ instances\)/);
    await withDatabase(databaseUrl, async (client) => {
      for (const entry of manifest.tables) {
        const rows = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${entry.name}"`);
        expect(rows.rows[0]?.count, entry.name).toBe(entry.rows);
      }
      expect((await client.query(`SELECT 1 FROM "Notification" WHERE id = $1`, [gone])).rowCount).toBe(0);
      const after = await client.query<{ version: number }>(`SELECT version FROM "Instance" WHERE id = $1`, [held.id]);
      expect(after.rows[0]?.version).toBe(2);
    });

    // Without the backup it builds on, an incremental backup is refused, and says what it needs.
    const alone = temporaryFolder('alone');
    fs.cpSync(folder, path.join(alone, path.basename(folder)), { recursive: true });
    const fromAlone = await estateflow(['restore', path.join(alone, path.basename(folder))], {
      DATABASE_URL: await createTestDatabase(),
      ESTATEFLOW_DATA_DIR: temporaryFolder('alone-target'),
    });
    expect(fromAlone.code).toBe(1);
    expect(fromAlone.stderr).toContain(`it holds the changes since ${full}, which is not beside it`);
  }, 240_000);

  it('refuses, changing nothing, a target that holds data, a damaged backup, a missing key and a folder that is no backup', async () => {
    // A database with data: the running engine's own.
    const intoLive = await estateflow(['restore', backupFolder], {
      DATABASE_URL: engine.databaseUrl,
      ESTATEFLOW_DATA_DIR: temporaryFolder('live'),
    });
    expect(intoLive.code).toBe(1);
    expect(intoLive.stderr).toContain('The target database already has tables');

    // One row changed in one table file.
    const damaged = temporaryFolder('damaged');
    fs.cpSync(backupFolder, damaged, { recursive: true });
    const table = manifestOf(damaged).tables.find((entry) => entry.name === 'Instance');
    if (!table) throw new Error('no Instance table in the backup');
    const file = path.join(damaged, table.data.file);
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8').replace('"status":"completed"', '"status":"cancelled"');
    fs.writeFileSync(file, gzipSync(text));
    const empty = await createTestDatabase();
    const fromDamaged = await estateflow(['restore', damaged], {
      DATABASE_URL: empty,
      ESTATEFLOW_DATA_DIR: temporaryFolder('damaged-target'),
    });
    expect(fromDamaged.code).toBe(1);
    expect(fromDamaged.stderr).toContain(`${table.data.file} does not match its checksum`);
    const verified = await estateflow(['backup', 'verify', damaged], {});
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain('is damaged');

    // The key stays apart from the backup; without it the personal data could not be read.
    const keyless = temporaryFolder('keyless');
    const withoutKey = await estateflow(['restore', backupFolder], {
      DATABASE_URL: empty,
      ESTATEFLOW_DATA_DIR: keyless,
      ESTATEFLOW_DATA_KEY: '',
    });
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.stderr).toContain(`data key ${manifestOf(backupFolder).dataKeys[0]}`);
    expect(withoutKey.stderr).toContain('keys/data.key');

    const notABackup = await estateflow(['restore', keyless], { DATABASE_URL: empty, ESTATEFLOW_DATA_DIR: temporaryFolder('none') });
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toContain('has no manifest.json');

    expect(await tableNames(empty)).toEqual([]);
    expect(fs.readdirSync(keyless)).toEqual([]);
  }, 240_000);

  it('lets people sign in (an audited action) while a backup holds its lock', async () => {
    // The daily backup holds its advisory lock for as long as it runs; it once had the audit
    // chain's number, and every audited action waited for the backup to end.
    await withDatabase(engine.databaseUrl, async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.backup]);
      try {
        const signedIn = await Promise.race([
          signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' }).then(() => 'signed in'),
          new Promise((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000)),
        ]);
        expect(signedIn).toBe('signed in');
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.backup]);
      }
    });
  }, 60_000);

  it('takes the daily backup itself when its hour has passed since the newest, and keeps only what the retention says (and no backup that died)', async () => {
    const root = temporaryFolder('daily');
    // A backup from long ago: the hour has come many times since.
    const old = path.join(root, 'estateflow-20200106T030000Z');
    fs.cpSync(backupFolder, old, { recursive: true });
    // What a backup that died long ago left, and what one being written now (by hand) has so far.
    const abandoned = path.join(root, '.estateflow-20200105T030000Z.partial');
    const writing = path.join(root, `.estateflow-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z.partial`);
    fs.mkdirSync(abandoned);
    fs.mkdirSync(writing);
    const longAgo = new Date('2020-01-05T03:00:00Z');
    fs.utimesSync(abandoned, longAgo, longAgo);
    const daily = await startEngine({
      seed: false,
      env: {
        ESTATEFLOW_BACKUPS: 'true',
        ESTATEFLOW_BACKUP_DIR: root,
        ESTATEFLOW_BACKUP_KEEP_DAYS: '1',
        ESTATEFLOW_BACKUP_KEEP_WEEKS: '0',
        ESTATEFLOW_WORKER_POLL_MS: '100',
      },
    });
    try {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && fs.existsSync(old)) await new Promise((resolve) => setTimeout(resolve, 200));
      const names = fs.readdirSync(root).filter((name) => !name.startsWith('.'));
      expect(names).toHaveLength(1);
      expect(fs.existsSync(abandoned)).toBe(false);
      expect(fs.existsSync(writing)).toBe(true);
      expect(names[0]).toMatch(/^estateflow-\d{8}T\d{6}Z$/);
      expect(names[0]).not.toBe('estateflow-20200106T030000Z');
      const verified = await estateflow(['backup', 'verify', path.join(root, names[0] ?? '')], {});
      expect(verified.code, verified.stderr).toBe(0);
    } finally {
      await daily.stop();
    }
  }, 240_000);
});
