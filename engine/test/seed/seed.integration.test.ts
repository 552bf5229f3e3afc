import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { readDemoLogins } from '../harness/demo-logins';
import { REPOSITORY_ROOT } from '../harness/engine-process';
import { createTestDatabase } from '../harness/test-database';
import { demoPlan } from '../../src/seed/demo-plan';

const run = promisify(execFile);

async function seed(env: { databaseUrl: string; dataDir: string }) {
  return run(process.execPath, [path.join(REPOSITORY_ROOT, 'engine', 'dist', 'cli', 'seed.js')], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: env.databaseUrl, ESTATEFLOW_DATA_DIR: env.dataDir, LOG_LEVEL: 'warn' },
  });
}

async function counts(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`SELECT
      (SELECT count(*) FROM "Company")::int AS companies, (SELECT count(*) FROM "Estate")::int AS estates,
      (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "StaffUser")::int AS staff,
      (SELECT count(*) FROM "Person")::int AS people, (SELECT count(*) FROM "Residency")::int AS residencies,
      (SELECT count(*) FROM "Unit" u JOIN "Estate" e ON e.id = u."estateId" WHERE e.code = 'sunshine')::int AS "sunshineUnits"`);
    return result.rows[0];
  } finally {
    await client.end();
  }
}

describe('npm run seed', () => {
  it('loads the demo into an empty database, writes demo-logins.json, and a second run changes nothing', { timeout: 240_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-seed-'));

    const first = await seed({ databaseUrl, dataDir });
    expect(first.stdout).toContain('Demo data created: demo, anju');
    const after = await counts(databaseUrl);
    expect(after).toMatchObject({ companies: 2, estates: 3, sunshineUnits: 3 * 2 * 18 * 2 });
    expect(after.people).toBeGreaterThanOrEqual(180);
    expect(after.people).toBeLessThanOrEqual(260);
    expect(after.staff).toBeGreaterThanOrEqual(15);

    const logins = readDemoLogins(dataDir);
    expect(logins.companies.map((company) => company.code)).toEqual(['demo', 'anju']);
    const demo = logins.companies[0]!;
    expect(demo.name).toBe('示例物业');
    expect(demo.estates.map((estate) => [estate.code, estate.name])).toEqual([
      ['sunshine', '阳光花园'],
      ['galaxy', '星河大厦'],
    ]);
    const roles = new Set(demo.staff.map((member) => member.role));
    for (const role of [
      'company_admin',
      'estate_manager',
      'front_desk',
      'engineering_supervisor',
      'technician',
      'security',
      'cleaning',
      'finance',
      'consultant',
    ])
      expect(roles).toContain(role);
    expect(demo.staff.filter((member) => member.role === 'technician').length).toBeGreaterThanOrEqual(3);
    expect(demo.staff.every((member) => /@demo\.estateflow\.cn$/.test(member.email) && member.password === 'estateflow')).toBe(true);
    expect(demo.owners.length).toBeGreaterThanOrEqual(3);
    for (const owner of demo.owners) {
      expect(owner.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(owner.units.length).toBeGreaterThan(0);
    }
    expect(logins.companies[1]!.estates.map((estate) => estate.name)).toEqual(['安居小区']);

    const second = await seed({ databaseUrl, dataDir });
    expect(second.stdout).toContain('nothing created');
    expect(await counts(databaseUrl)).toEqual(after);
    expect(readDemoLogins(dataDir)).toEqual(logins);
  });

  it('is deterministic: the same people, phones and units every time', () => {
    const [a, b] = [demoPlan(), demoPlan()];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const people = a.flatMap((company) => company.people);
    expect(new Set(people.map((person) => person.phone)).size).toBe(people.length);
    expect(people.filter((person) => person.idNumber !== null).length).toBeGreaterThan(50);
    expect(people.some((person) => person.residencies.some((residency) => residency.kind === 'tenant'))).toBe(true);
  });
});
