import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { readDemoLogins } from '../harness/demo-logins';
import { REPOSITORY_ROOT, startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';
import { createTestDatabase } from '../harness/test-database';
import { addKeyToFile, keyFilePath } from '../../src/privacy/key-ring';

const run = promisify(execFile);

function cli(script: string, input: { databaseUrl: string; dataDir: string; args?: string[] }) {
  return run(process.execPath, [path.join(REPOSITORY_ROOT, 'engine', 'dist', 'cli', script), ...(input.args ?? [])], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: input.databaseUrl,
      ESTATEFLOW_DATA_DIR: input.dataDir,
      ESTATEFLOW_DATA_KEY: '',
      LOG_LEVEL: 'warn',
    },
  });
}

async function keyIdsInUse(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`SELECT DISTINCT split_part(c, ':', 2) AS id FROM (
      SELECT "phoneCipher" c FROM "Person" UNION ALL SELECT "idNumberCipher" FROM "Person" WHERE "idNumberCipher" IS NOT NULL
      UNION ALL SELECT "phoneCipher" FROM "StaffUser" WHERE "phoneCipher" IS NOT NULL UNION ALL SELECT cipher FROM "PersonalValue") s ORDER BY 1`);
    return result.rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

/** The demo company's front desk, signed in to an engine on this data folder. */
async function frontDeskOf(url: string, dataDir: string): Promise<{ client: HttpClient; estateId: string }> {
  const demo = readDemoLogins(dataDir).companies[0]!;
  const desk = demo.staff.find((member) => member.role === 'front_desk')!;
  const client = new HttpClient(url);
  await client.post('/api/auth/login', { email: desk.email, password: desk.password });
  return { client, estateId: demo.estates[0]!.id };
}

const CONTACT_PHONE = '15912345678';

function keyFile(dataDir: string): { current: string; keys: { id: string }[] } {
  return JSON.parse(fs.readFileSync(keyFilePath(dataDir), 'utf8'));
}

describe('estateflow rotate-key', () => {
  // Several CLI runs and an engine start: minutes on a loaded machine.
  it(
    'moves every ciphertext to a new key, finishes an interrupted run, retires old keys, and lookups keep working',
    { timeout: 300_000 },
    async () => {
      const databaseUrl = await createTestDatabase();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-rotate-'));
      await cli('seed.js', { databaseUrl, dataDir });
      const first = keyFile(dataDir).current;
      expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
      // A phone typed into a repair's form: a PersonalValue row under the first key, too.
      let repairId = '';
      const before = await startEngine({ databaseUrl, dataDir, seed: false, env: { ESTATEFLOW_DATA_KEY: '' } });
      try {
        const { client, estateId } = await frontDeskOf(before.url, dataDir);
        const unitId = (await client.get(`/api/estates/${estateId}/units?q=`)).body[0].id;
        const repair = await client.post(`/api/estates/${estateId}/instances`, {
          workflowKey: 'repair',
          data: {
            locationType: 'unit',
            unitId,
            category: 'plumbing_electric',
            description: '漏水',
            urgency: 'normal',
            contactPhone: CONTACT_PHONE,
          },
        });
        expect(repair.status, JSON.stringify(repair.body)).toBe(201);
        repairId = repair.body.id;
      } finally {
        await before.stop();
      }
      expect(await keyIdsInUse(databaseUrl)).toEqual([first]);

      const rotated = await cli('rotate-key.js', { databaseUrl, dataDir });
      const second = keyFile(dataDir).current;
      expect(second).not.toBe(first);
      expect(rotated.stdout).toMatch(/Re-encrypted \d+ values/);
      expect(await keyIdsInUse(databaseUrl)).toEqual([second]);

      // As if a run died right after adding its key: the next run finishes it instead of adding another.
      const third = addKeyToFile(dataDir);
      const resumed = await cli('rotate-key.js', { databaseUrl, dataDir, args: ['--retire'] });
      expect(resumed.stdout).toContain('Finishing an earlier rotation');
      expect(keyFile(dataDir).current).toBe(third);
      expect(keyFile(dataDir).keys.map((key) => key.id)).toEqual([third]);
      expect(await keyIdsInUse(databaseUrl)).toEqual([third]);

      const engine = await startEngine({ databaseUrl, dataDir, seed: false, env: { ESTATEFLOW_DATA_KEY: '' } });
      try {
        const demo = readDemoLogins(dataDir).companies[0]!;
        const owner = demo.owners[0]!;
        const frontDesk = new HttpClient(engine.url);
        const desk = demo.staff.find((member) => member.role === 'front_desk')!;
        await frontDesk.post('/api/auth/login', { email: desk.email, password: desk.password });
        const found = await frontDesk.get(`/api/estates/${demo.estates[0]!.id}/people?phone=${owner.phone}`);
        expect(found.body.map((person: { name: string }) => person.name)).toEqual([owner.name]);
        const unmasked = await frontDesk.post(`/api/people/${found.body[0].id}/unmask`, { field: 'phone', reason: '轮换后核对' });
        expect(unmasked.body.value).toBe(owner.phone);
        const typed = await frontDesk.post(`/api/instances/${repairId}/unmask`, { path: '/contactPhone', reason: '轮换后核对' });
        expect(typed.body.value).toBe(CONTACT_PHONE);
        // Its blind index moved with it: the old keys are retired, and the search still finds it.
        const search = await frontDesk.get(`/api/instances?q=${CONTACT_PHONE}`);
        expect(search.body.items.map((item: { id: string }) => item.id)).toEqual([repairId]);
      } finally {
        await engine.stop();
      }
    },
  );

  it('an engine without the key refuses to start, saying which key it lacks', { timeout: 180_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-rotate-'));
    await cli('seed.js', { databaseUrl, dataDir });
    await expect(startEngine({ databaseUrl, seed: false, env: { ESTATEFLOW_DATA_KEY: '' } })).rejects.toThrow(
      new RegExp(`data key ${keyFile(dataDir).current}`),
    );
  });
});
