import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins } from '../harness/demo-logins';
import { type EngineProcess, REPOSITORY_ROOT, startEngine, TEST_DATA_KEY } from '../harness/engine-process';
import { signInStaff } from '../instances/workflow-setup';
import { archiveOf, readJson, repairPackFiles, reseal, writeJson } from './pack-fixtures';

const CLI = path.join(REPOSITORY_ROOT, 'engine', 'dist', 'cli', 'estateflow.js');
const REPAIR = path.join(REPOSITORY_ROOT, 'templates', 'repair');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `estateflow` bin as a script would, with no engine settings but those given. */
function estateflow(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const { DATABASE_URL: _database, ESTATEFLOW_URL: _url, ESTATEFLOW_TOKEN: _token, ...inherited } = process.env;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env: { ...inherited, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let work: string;
let engine: EngineProcess;
let token: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-cli-'));
  engine = await startEngine();
  const admin = await signInStaff(engine.url, readDemoLogins(engine.dataDir), { company: 'demo', email: 'admin@demo.estateflow.cn' });
  token = (await admin.post('/api/auth/tokens', { name: 'cli tests' })).body.token;
});
afterAll(async () => {
  await engine?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('estateflow pack, offline', { timeout: 240_000 }, () => {
  it('validates, tests and builds a pack folder (exit 0) and prints coverage', async () => {
    const validated = await estateflow(['pack', 'validate', REPAIR]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/repair@1\.1\.0 is valid/);
    const tested = await estateflow(['pack', 'test', REPAIR]);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/states 20\/20 \(100%\), transitions 36\/36 \(100%\)/);
    const built = await estateflow(['pack', 'build', REPAIR, '-o', 'repair.tgz']);
    expect(built.code, built.stderr).toBe(0);
    expect((await estateflow(['pack', 'validate', 'repair.tgz'])).code).toBe(0);
  });

  it('exits 1 naming file, path and reason for a broken pack', async () => {
    const files = repairPackFiles();
    const form = readJson(files, 'workflows/repair/forms/start.json');
    form.schema.properties.description = { $ref: 'https://evil.example.com/x.json' };
    writeJson(files, 'workflows/repair/forms/start.json', form);
    fs.writeFileSync(path.join(work, 'evil.tgz'), archiveOf(reseal(files)));
    const refused = await estateflow(['pack', 'validate', 'evil.tgz']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'workflows/repair/forms/start.json /schema/properties/description/$ref: "$ref" to "https://evil.example.com/x.json"',
    );
  });

  it('exits 1 when a scenario fails', async () => {
    const files = repairPackFiles();
    const scenario = readJson(files, 'workflows/repair/scenarios/owner-cancels-before-dispatch.json');
    scenario.steps[0].expect.state = 'closed';
    writeJson(files, 'workflows/repair/scenarios/owner-cancels-before-dispatch.json', scenario);
    fs.writeFileSync(path.join(work, 'failing.tgz'), archiveOf(reseal(files)));
    const tested = await estateflow(['pack', 'test', 'failing.tgz']);
    expect(tested.code).toBe(1);
    expect(tested.stdout, tested.stderr).toMatch(/✗ Owner cancels before dispatch/);
    expect(tested.stdout).toMatch(/expected state closed, got cancelled/);
  });

  it('exits 2 for a wrong command line', async () => {
    expect((await estateflow(['pack'])).code).toBe(2);
    expect((await estateflow(['pack', 'frobnicate'])).code).toBe(2);
    expect((await estateflow(['pack', 'validate', REPAIR, '--nonsense'])).code).toBe(2);
    const noCompany = await estateflow(['pack', 'import', REPAIR]);
    expect(noCompany.code).toBe(2);
    expect(noCompany.stderr).toMatch(/needs --company/);
    const noEngine = await estateflow(['pack', 'import', REPAIR, '--company', 'demo']);
    expect(noEngine.code).toBe(2);
  });
});

describe('estateflow pack against a running engine', { timeout: 240_000 }, () => {
  it('imports with an API token (the same version again changes nothing)', async () => {
    const imported = await estateflow(['pack', 'import', REPAIR, '--company', 'demo', '--estate', 'sunshine', '--url', engine.url], {
      ESTATEFLOW_TOKEN: token,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/repair: version 1 unchanged/);
    expect(imported.stderr).toMatch(/uploading \d+ KB/);
  });

  it('exits 1 for another company or a bad token', async () => {
    const otherCompany = await estateflow(['pack', 'import', REPAIR, '--company', 'anju', '--url', engine.url, '--token', token]);
    expect(otherCompany.code).toBe(1);
    expect(otherCompany.stderr).toMatch(/belongs to company "demo"/);
    const badToken = await estateflow(['pack', 'import', REPAIR, '--company', 'demo', '--url', engine.url, '--token', 'eft_forged']);
    expect(badToken.code).toBe(1);
  });

  it('shows an upgrade as a dry run, changing nothing, and exports what an estate runs', async () => {
    const files = repairPackFiles();
    const parameters = readJson(files, 'workflows/repair/parameters.json');
    parameters.properties.autoConfirmHours.default = 48;
    writeJson(files, 'workflows/repair/parameters.json', parameters);
    fs.writeFileSync(path.join(work, 'repair-1.2.0.tgz'), archiveOf(reseal(files, { version: '1.2.0' })));
    const dryRun = await estateflow([
      'pack',
      'upgrade',
      '--estate',
      'sunshine',
      'repair-1.2.0.tgz',
      '--dry-run',
      '--url',
      engine.url,
      '--token',
      token,
    ]);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toMatch(/repair: version 1 \(1\.1\.0\) → 2 \(1\.2\.0\)/);
    expect(dryRun.stdout).toMatch(/parameter autoConfirmHours: default \(default 72 → 48\)/);
    expect(dryRun.stdout).toMatch(/dry run: nothing changed/);
    const exported = await estateflow([
      'pack',
      'export',
      '--estate',
      'sunshine',
      '--workflow',
      'repair',
      '-o',
      'sunshine.tgz',
      '--url',
      engine.url,
      '--token',
      token,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect((await estateflow(['pack', 'validate', 'sunshine.tgz'])).stdout).toMatch(/repair@1\.1\.0 is valid/);
  });

  it('works on the database directly with --database-url', async () => {
    const direct = await estateflow(
      ['pack', 'import', path.join(REPOSITORY_ROOT, 'templates', 'complaint'), '--company', 'demo', '--database-url', engine.databaseUrl],
      { ESTATEFLOW_DATA_KEY: TEST_DATA_KEY, ESTATEFLOW_DATA_DIR: engine.dataDir, LOG_LEVEL: 'warn' },
    );
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stdout).toMatch(/complaint: version 1 unchanged/);
  });
});
