import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { sql } from '../jobs/probe-workflow';

let engine: EngineProcess;
let setup: RepairSetup;

beforeAll(async () => {
  engine = await startEngine({ env: { ESTATEFLOW_MAX_CONCURRENT_EVENTS: '2' } });
  setup = await publishAndBindRepair(engine.url, engine.dataDir);
});
afterAll(async () => {
  await engine?.stop();
});

describe('overload (RELIABILITY 9)', () => {
  it('refuses what it cannot take with 503 and Retry-After, and applies nothing it refused', async () => {
    const desk = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        desk.post(`/api/estates/${setup.estateId}/instances`, {
          workflowKey: setup.workflowKey,
          data: repairReport({ description: `并发报修 ${index}` }),
        }),
      ),
    );
    const accepted = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status === 503);
    expect(accepted.length + refused.length).toBe(40);
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.body.error.code).toBe('unavailable');
    }
    const [stored] = await sql<{ count: string }>(
      engine.databaseUrl,
      `SELECT count(*) FROM "Instance" WHERE "workflowKey" = $1 AND data->>'description' LIKE '并发报修 %'`,
      [setup.workflowKey],
    );
    expect(Number(stored?.count)).toBe(accepted.length);

    // Once the burst is over, requests go through again.
    const after = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
    expect(after.status).toBe(201);
  });
});
