import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { maskFormTokens } from '../../src/privacy/form-personal-data';
import { checkLogsFold } from '../../src/instances/log-folds';

// RELIABILITY 1–3, 7, 8, 10, 17 for the event hot path, against real engine processes.

let first: EngineProcess;
let second: EngineProcess;
let setup: RepairSetup;
let database: Client;
let technicianId: string;

const FRONT_DESK = { company: 'demo', email: 'frontdesk@demo.estateflow.cn' };

// Every engine on one database holds the same data key (docs/security.md).
const DATA_KEY = randomBytes(32).toString('base64');

beforeAll(async () => {
  first = await startEngine({ env: { ESTATEFLOW_DATA_KEY: DATA_KEY } });
  setup = await publishAndBindRepair(first.url, first.dataDir);
  // A second process on the same database: all coordination goes through PostgreSQL.
  second = await startEngine({
    databaseUrl: first.databaseUrl,
    seed: false,
    env: { ESTATEFLOW_WORKERS: 'false', ESTATEFLOW_DATA_KEY: DATA_KEY },
  });
  database = new Client({ connectionString: first.databaseUrl });
  await database.connect();
  const technician = await signInStaff(first.url, setup.logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
  technicianId = (await technician.get('/api/me')).body.id;
}, 240_000);

afterAll(async () => {
  await database?.end();
  await second?.stop();
  await first?.stop();
});

async function startRepair(client: HttpClient): Promise<{ id: string; version: number }> {
  const started = await client.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body;
}

/** Overload is refused with 429/503 and Retry-After, never half-applied (RELIABILITY 9): retry as a client would. */
async function untilAnswered(send: () => ReturnType<HttpClient['post']>): ReturnType<HttpClient['post']> {
  for (let attempt = 0; ; attempt++) {
    const reply = await send();
    if ((reply.status !== 429 && reply.status !== 503) || attempt >= 100) return reply;
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
  }
}

async function eventCount(instanceId: string, type?: string): Promise<number> {
  const result = await database.query<{ count: string }>(
    'SELECT count(*) FROM "InstanceEvent" WHERE "instanceId" = $1 AND ($2::text IS NULL OR type = $2)',
    [instanceId, type ?? null],
  );
  return Number(result.rows[0]?.count);
}

async function instanceRow(instanceId: string): Promise<{ version: number; stateValue: string; snapshot: unknown }> {
  const result = await database.query('SELECT version, "stateValue", snapshot FROM "Instance" WHERE id = $1', [instanceId]);
  return result.rows[0];
}

/** Every instance's log, folded through its version, gives its stored snapshot (RELIABILITY 8). */
async function expectLogsFoldToSnapshots(): Promise<number> {
  const folds = await checkLogsFold(database);
  expect(folds.problems).toEqual([]);
  return folds.instances;
}

describe('the event hot path under concurrency, retries and crashes', () => {
  it('200 concurrent identical dispatches over two engine processes: exactly one transition, the rest 409', async () => {
    const onFirst = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const onSecond = await signInStaff(second.url, setup.logins, FRONT_DESK);
    const instance = await startRepair(onFirst);
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        untilAnswered(() =>
          (index % 2 === 0 ? onFirst : onSecond).post(`/api/instances/${instance.id}/events`, {
            type: 'DISPATCH',
            data: { technicianId },
            expectedVersion: 1,
          }),
        ),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    const others = replies.filter((reply) => reply.status !== 200 && reply.status !== 409);
    expect(others.map((reply) => `${reply.status} ${JSON.stringify(reply.body)}`).slice(0, 3)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(199);
    expect((await instanceRow(instance.id)).version).toBe(2);
    expect(await eventCount(instance.id, 'DISPATCH')).toBe(1);
    const shown = await onSecond.get(`/api/instances/${instance.id}`);
    expect(shown.body.state).toBe('dispatched');
    expect(shown.body.tasks.map((task: { assignee?: { userId?: string } }) => task.assignee?.userId)).toEqual([technicianId]);
    // The stale ones name the state the caller should reload.
    const stale = replies.find((reply) => reply.status === 409);
    expect(stale?.body.error.code).toBe('conflict');
  });

  it('events sent through two processes in turn: every reply shows the newest entries of the log as written', async () => {
    // Each process keeps the log entries it has read or written (RecentEventsCache); those the
    // other process wrote meanwhile must still appear, in order, in the next reply.
    const onFirst = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const onSecond = await signInStaff(second.url, setup.logins, FRONT_DESK);
    const instance = await startRepair(onFirst);
    let version = instance.version;
    const route = [onFirst, onFirst, onSecond, onFirst, onSecond, onSecond, onSecond, onFirst, onSecond, onFirst, onFirst, onSecond];
    for (const [round, client] of route.entries()) {
      const reply = await client.post(`/api/instances/${instance.id}/events`, {
        type: round === 0 ? 'DISPATCH' : 'REASSIGN',
        data: round === 0 ? { technicianId } : { technicianId, reason: `第${round}次转单` },
        expectedVersion: version,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      version = reply.body.version;
      const log = await database.query<{ seq: number; type: string; data: { data: Record<string, unknown> }; createdAt: Date }>(
        'SELECT seq, type, data, "createdAt" FROM "InstanceEvent" WHERE "instanceId" = $1 ORDER BY seq DESC LIMIT 10',
        [instance.id],
      );
      const newest = log.rows.reverse();
      const shown: { seq: number; type: string; data?: Record<string, unknown>; at: string }[] = reply.body.timeline;
      expect(shown.map((entry) => [entry.seq, entry.type, entry.data ?? {}, entry.at])).toEqual(
        // As written, but with the typed contact phone masked, as every reply shows it.
        newest.map((entry) => [entry.seq, entry.type, maskFormTokens(entry.data.data), entry.createdAt.toISOString()]),
      );
    }
    expect(version).toBe(route.length + 1);
  });

  it('events arriving together share one write; one that fails there fails alone, and the others are written once', async () => {
    const frontDesk = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const instances: { id: string; version: number }[] = [];
    for (let index = 0; index < 8; index++) instances.push(await startRepair(frontDesk));
    const versions = new Map(instances.map((instance) => [instance.id, instance.version]));
    const sendAll = (targets: typeof instances) =>
      Promise.all(
        targets.map((instance) => {
          const version = versions.get(instance.id) ?? 1;
          return frontDesk.post(`/api/instances/${instance.id}/events`, {
            type: version === 1 ? 'DISPATCH' : 'REASSIGN',
            data: version === 1 ? { technicianId } : { technicianId, reason: `第${version}次转单` },
            expectedVersion: version,
          });
        }),
      );
    const expectWritten = (replies: Awaited<ReturnType<typeof sendAll>>, targets: typeof instances) =>
      replies.forEach((reply, index) => {
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        versions.set(targets[index]?.id ?? '', reply.body.version);
      });
    // Proof that writes are shared: a statement that changed more than one instance.
    await database.query(`
      CREATE TABLE test_instance_statements (rows int NOT NULL);
      CREATE FUNCTION test_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO test_instance_statements SELECT count(*) FROM changed; RETURN NULL; END $$;
      CREATE TRIGGER test_count_rows AFTER UPDATE ON "Instance" REFERENCING NEW TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION test_count_rows();
    `);
    const [doomed, ...healthy] = instances;
    try {
      let shared = 0;
      for (let round = 0; round < 20 && shared === 0; round++) {
        expectWritten(await sendAll(healthy), healthy);
        const result = await database.query<{ shared: string }>('SELECT count(*) AS shared FROM test_instance_statements WHERE rows > 1');
        shared = Number(result.rows[0]?.shared);
      }
      expect(shared).toBeGreaterThan(0);
      // One instance whose log refuses every new entry, as a broken row or constraint would: its
      // event fails (and with it any shared statement), the others are written alone.
      await database.query(`
        CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
        CREATE TRIGGER test_refuse BEFORE INSERT ON "InstanceEvent" FOR EACH ROW
          WHEN (NEW."instanceId" = '${doomed?.id}') EXECUTE FUNCTION test_refuse();
      `);
      for (let round = 0; round < 5; round++) {
        const [refused, ...replies] = await sendAll(instances);
        expect(refused?.status).toBe(500);
        expectWritten(replies, healthy);
      }
      expect((await instanceRow(doomed?.id ?? '')).version).toBe(1);
      expect(await eventCount(doomed?.id ?? '')).toBe(1);
      for (const instance of healthy) {
        const row = await instanceRow(instance.id);
        expect(row.version).toBe(versions.get(instance.id));
        expect(await eventCount(instance.id)).toBe(row.version);
      }
      expect(await expectLogsFoldToSnapshots()).toBeGreaterThan(0);
    } finally {
      await database.query(`
        DROP TRIGGER IF EXISTS test_refuse ON "InstanceEvent"; DROP FUNCTION IF EXISTS test_refuse();
        DROP TRIGGER test_count_rows ON "Instance"; DROP FUNCTION test_count_rows(); DROP TABLE test_instance_statements;
      `);
    }
  });

  it('one Idempotency-Key sent 50 times, concurrently, sequentially and across a crash: one effect, identical replies', async () => {
    const frontDesk = await signInStaff(second.url, setup.logins, FRONT_DESK);
    const instance = await startRepair(frontDesk);
    const key = randomUUID();
    const send = (client: HttpClient) =>
      client.post(
        `/api/instances/${instance.id}/events`,
        { type: 'DISPATCH', data: { technicianId, note: '尽快' } },
        { 'idempotency-key': key },
      );
    const onFirst = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, index) => untilAnswered(() => send(index % 2 === 0 ? onFirst : frontDesk))),
    );
    const killed = first.kill();
    const during = await Promise.all(Array.from({ length: 10 }, () => untilAnswered(() => send(frontDesk))));
    await killed;
    first = await first.restart();
    const afterRestart = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const sequential = [];
    for (let index = 0; index < 20; index++) sequential.push(await send(index % 2 === 0 ? afterRestart : frontDesk));
    const replies = [...burst, ...during, ...sequential];
    expect(replies).toHaveLength(50);
    const reference = replies[0];
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(reference?.body);
    }
    expect(await eventCount(instance.id, 'DISPATCH')).toBe(1);
    expect((await instanceRow(instance.id)).version).toBe(2);
    const jobs = await database.query<{ count: string }>('SELECT count(*) FROM "Job" WHERE "instanceId" = $1 AND kind = $2', [
      instance.id,
      'notify',
    ]);
    expect(Number(jobs.rows[0]?.count)).toBeGreaterThan(0);
  }, 180_000);

  it('SIGKILL at random moments during a stream of events: every 2xx applied exactly once, no partial write', async () => {
    const frontDesk = await signInStaff(second.url, setup.logins, FRONT_DESK);
    const instances = [];
    for (let index = 0; index < 18; index++) instances.push(await startRepair(frontDesk));
    let target = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const acknowledged: string[] = [];
    const unknown: { id: string; key: string }[] = [];
    for (let round = 0; round < 3; round++) {
      const batch = instances.slice(round * 6, round * 6 + 6);
      const keys = batch.map(() => randomUUID());
      const inFlight = batch.map((instance, index) =>
        target
          .post(
            `/api/instances/${instance.id}/events`,
            { type: 'DISPATCH', data: { technicianId } },
            { 'idempotency-key': keys[index] ?? '' },
          )
          .then((reply) => ({ reply, error: null }))
          .catch((error: unknown) => ({ reply: null, error })),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 40)));
      await first.kill();
      const outcomes = await Promise.all(inFlight);
      outcomes.forEach((outcome, index) => {
        const instance = batch[index];
        if (!instance) return;
        if (outcome.reply !== null && outcome.reply.status === 200) acknowledged.push(instance.id);
        else unknown.push({ id: instance.id, key: keys[index] ?? '' });
      });
      first = await first.restart();
      target = await signInStaff(first.url, setup.logins, FRONT_DESK);
    }
    for (const id of acknowledged) {
      expect(await eventCount(id, 'DISPATCH')).toBe(1);
      expect((await instanceRow(id)).stateValue).toBe('dispatched');
    }
    // Whatever the crash left undecided is either fully applied or not at all; a retry with the same key settles it once.
    for (const { id, key } of unknown) {
      const row = await instanceRow(id);
      expect([1, 2]).toContain(row.version);
      expect(await eventCount(id)).toBe(row.version);
      const retried = await target.post(
        `/api/instances/${id}/events`,
        { type: 'DISPATCH', data: { technicianId } },
        { 'idempotency-key': key },
      );
      expect(retried.status).toBe(200);
      expect(await eventCount(id, 'DISPATCH')).toBe(1);
    }
    const orphans = await database.query<{ count: string }>(
      `SELECT count(*) FROM "Task" t JOIN "Instance" i ON i.id = t."instanceId" WHERE t.status IN ('open','claimed') AND i."stateValue" = 'dispatched' AND t."stateKey" <> 'dispatched'`,
    );
    expect(Number(orphans.rows[0]?.count)).toBe(0);
    expect(await expectLogsFoldToSnapshots()).toBeGreaterThan(18);
  }, 300_000);

  it('bad input gets a 4xx and changes nothing', async () => {
    const frontDesk = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const instance = await startRepair(frontDesk);
    const url = `/api/instances/${instance.id}/events`;
    const attempts = [
      frontDesk.post(url, { type: 'DISPATCH', data: { technicianId: 42 } }),
      frontDesk.post(url, { type: 'DISPATCH', data: { technicianId, extra: true } }),
      frontDesk.post(url, { type: 'DISPATCH', data: { technicianId }, surprise: 1 }),
      frontDesk.request('POST', url, {
        rawBody: `{"type":"DISPATCH","data":{"__proto__":{"polluted":true},"technicianId":"${technicianId}"}}`,
      }),
      frontDesk.request('POST', url, { rawBody: '{"type":"DISPATCH",' }),
      frontDesk.request('POST', url, {
        rawBody: JSON.stringify({ type: 'DISPATCH', data: { technicianId, note: 'x'.repeat(2_000_000) } }),
      }),
      frontDesk.post(url, { type: 'dispatch', data: {} }),
      frontDesk.post(url, { type: 'ACCEPT', data: {} }),
      frontDesk.post(url, { type: 'DISPATCH', data: { technicianId }, expectedVersion: 7 }),
    ];
    const replies = await Promise.all(attempts);
    for (const reply of replies) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.body.error.message).toBeTruthy();
    }
    expect(replies[0]?.status).toBe(422);
    expect(replies[0]?.body.error.details.fields[0].message['zh-CN']).toBeTruthy();
    expect((await instanceRow(instance.id)).version).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('another company sees nothing: its ids are 404s', async () => {
    const frontDesk = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const instance = await startRepair(frontDesk);
    const stranger = await signInStaff(first.url, setup.logins, { company: 'anju', email: 'admin@anju.estateflow.cn' });
    expect((await stranger.get(`/api/instances/${instance.id}`)).status).toBe(404);
    expect((await stranger.post(`/api/instances/${instance.id}/events`, { type: 'DISPATCH', data: { technicianId } })).status).toBe(404);
    expect((await stranger.get(`/api/definitions/${setup.definitionId}`)).status).toBe(404);
    expect((await stranger.get(`/api/estates/${setup.estateId}/bindings`)).status).toBe(404);
    expect(
      (await stranger.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() })).status,
    ).toBe(404);
    const list = await stranger.get('/api/instances');
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(instance.id);
  });

  it('a tampered snapshot makes the instance an incident, never a silent restore', async () => {
    const frontDesk = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const instance = await startRepair(frontDesk);
    await database.query(`UPDATE "Instance" SET snapshot = jsonb_set(snapshot, '{fingerprint}', '"tampered"') WHERE id = $1`, [
      instance.id,
    ]);
    const reply = await frontDesk.post(`/api/instances/${instance.id}/events`, { type: 'DISPATCH', data: { technicianId } });
    expect(reply.status).toBe(409);
    const row = await database.query('SELECT status FROM "Instance" WHERE id = $1', [instance.id]);
    expect(row.rows[0].status).toBe('incident');
    const incidents = await database.query<{ count: string }>('SELECT count(*) FROM "Incident" WHERE "instanceId" = $1', [instance.id]);
    expect(Number(incidents.rows[0]?.count)).toBe(1);
    expect((await frontDesk.get(`/api/instances/${instance.id}`)).body.status).toBe('incident');
  });
});
