import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins } from '../harness/demo-logins';
import { signInStaff } from '../instances/workflow-setup';
import { eventually, FAST_WORKER, publishProbe, sql } from './probe-workflow';

const KEY = 'probe';
let engine: EngineProcess;
let estateId: string;

beforeAll(async () => {
  engine = await startEngine({ env: FAST_WORKER });
  const logins = readDemoLogins(engine.dataDir);
  estateId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  const admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  await publishProbe(admin, { estateId, key: KEY });
});
afterAll(async () => {
  await engine?.stop();
});

async function frontDesk() {
  return signInStaff(engine.url, readDemoLogins(engine.dataDir), { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
}

describe('durable timers', () => {
  it('a 5 s timer set before the engine is killed fires exactly once after a restart 10 s later', async () => {
    const desk = await frontDesk();
    const started = await desk.post(`/api/estates/${estateId}/instances`, { workflowKey: KEY, data: { note: 'kill test' } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id: string = started.body.id;

    await engine.kill();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    engine = await engine.restart();

    const after = await frontDesk();
    const instance = await eventually(
      async () => {
        const response = await after.get(`/api/instances/${id}`);
        return response.body.state === 'timedOut' ? response.body : undefined;
      },
      20_000,
      'the timer to fire',
    );
    expect(instance.status).toBe('completed');
    // Give a second worker round the chance to fire it again: it must not.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const events = await sql<{ type: string }>(
      engine.databaseUrl,
      'SELECT type FROM "InstanceEvent" WHERE "instanceId" = $1 ORDER BY seq',
      [id],
    );
    expect(events.filter((event) => event.type.startsWith('xstate.after'))).toHaveLength(1);
    const timers = await sql<{ status: string }>(
      engine.databaseUrl,
      `SELECT status::text FROM "Job" WHERE "instanceId" = $1 AND kind = 'timer'`,
      [id],
    );
    expect(timers).toEqual([{ status: 'done' }]);
    const timedOut = await sql<{ count: string }>(
      engine.databaseUrl,
      `SELECT count(*) FROM "Notification" WHERE "instanceId" = $1 AND "templateKey" = 'timedOut' AND channel = 'in_app'`,
      [id],
    );
    const frontDeskStaff = await sql<{ count: string }>(
      engine.databaseUrl,
      `SELECT count(DISTINCT "staffUserId") FROM "RoleAssignment" WHERE "estateId" = $1 AND role = 'front_desk'`,
      [estateId],
    );
    expect(Number(timedOut[0]?.count)).toBe(Number(frontDeskStaff[0]?.count));
  });

  it('a timer whose state was already left does nothing', async () => {
    const desk = await frontDesk();
    const started = await desk.post(`/api/estates/${estateId}/instances`, { workflowKey: KEY, data: { note: 'handled in time' } });
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    const handled = await desk.post(`/api/instances/${id}/events`, { type: 'HANDLE', data: {} });
    expect(handled.status, JSON.stringify(handled.body)).toBe(200);

    // A stale timer for the left state, as if its cancellation had raced with the event.
    const [company] = await sql<{ companyId: string }>(engine.databaseUrl, 'SELECT "companyId" FROM "Instance" WHERE id = $1', [id]);
    await sql(
      engine.databaseUrl,
      `INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey") VALUES ($1, $2, 'timer', $3, $4)`,
      [
        company?.companyId,
        id,
        JSON.stringify({
          instanceId: id,
          timerId: 'stale',
          event: `xstate.after.deadline.${KEY}.waiting`,
          stateVersion: 1,
          stateKey: 'waiting',
        }),
        `stale-timer:${id}`,
      ],
    );
    const stale = await eventually(
      async () => {
        const [row] = await sql<{ status: string; lastError: string | null }>(
          engine.databaseUrl,
          `SELECT status::text, "lastError" FROM "Job" WHERE "dedupeKey" = $1`,
          [`stale-timer:${id}`],
        );
        return row && row.status !== 'pending' && row.status !== 'running' ? row : undefined;
      },
      10_000,
      'the stale timer to run',
    );
    expect(stale.status).toBe('cancelled');

    // Past the real timer's 5 s too: the instance stays handled, with its two events.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const instance = await desk.get(`/api/instances/${id}`);
    expect(instance.body.state).toBe('handled');
    expect(instance.body.version).toBe(2);
    const timedOut = await sql(engine.databaseUrl, `SELECT 1 FROM "Notification" WHERE "instanceId" = $1 AND "templateKey" = 'timedOut'`, [
      id,
    ]);
    expect(timedOut).toHaveLength(0);
  });
});
