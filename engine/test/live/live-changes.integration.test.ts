import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { EventStreamReader } from './event-stream';

// The change table behind live updates (migration live_changes, engine/src/live/live.repository.ts):
// what a watcher on another process receives, and what it must not.

let first: EngineProcess;
let second: EngineProcess;
let setup: RepairSetup;
let database: Client;
const readers: EventStreamReader[] = [];

const SUPERVISOR = { company: 'demo', email: 'supervisor@demo.estateflow.cn' };
const ADMIN = { company: 'demo', email: 'admin@demo.estateflow.cn' };
const FRONT_DESK = { company: 'demo', email: 'frontdesk@demo.estateflow.cn' };

beforeAll(async () => {
  first = await startEngine();
  setup = await publishAndBindRepair(first.url, first.dataDir);
  // A second process on the same database, without job workers: it only serves and watches.
  second = await startEngine({ databaseUrl: first.databaseUrl, dataDir: first.dataDir, seed: false, env: { ESTATEFLOW_WORKERS: 'false' } });
  database = new Client({ connectionString: first.databaseUrl });
  await database.connect();
}, 240_000);

afterAll(async () => {
  for (const reader of readers) reader.close();
  await database?.end();
  await second?.stop();
  await first?.stop();
});

async function watch(engine: EngineProcess, who: { company: string; email: string }): Promise<EventStreamReader> {
  const reader = await EventStreamReader.open(await signInStaff(engine.url, setup.logins, who));
  expect(reader.status).toBe(200);
  readers.push(reader);
  return reader;
}

async function startRepair(client: HttpClient): Promise<string> {
  const started = await client.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.id;
}

function versionsSeen(reader: EventStreamReader, instanceId: string): unknown[] {
  return reader.events
    .filter((event) => event.type === 'instance.updated' && event.data.id === instanceId)
    .map((event) => event.data.version);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live changes across engine processes', () => {
  it('a repair started and dispatched through one process reaches a watcher connected to the other', async () => {
    const watching = await watch(second, SUPERVISOR);
    const desk = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const id = await startRepair(desk);
    expect((await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === id)).data).toEqual({ id, version: 1 });
    await watching.waitFor((event) => event.type === 'task.changed' && event.data.estateId === setup.estateId);

    const technician = await (
      await signInStaff(first.url, setup.logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' })
    ).get('/api/me');
    const dispatched = await desk.post(`/api/instances/${id}/events`, { type: 'DISPATCH', data: { technicianId: technician.body.id } });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === id && event.data.version === 2);
  });

  it('a rolled-back change reaches nobody; one committed seconds after it was written reaches every watcher exactly once', async () => {
    const onSecond = await watch(second, ADMIN);
    const onFirst = await watch(first, SUPERVISOR);
    const id = await startRepair(await signInStaff(first.url, setup.logins, FRONT_DESK));
    for (const reader of [onSecond, onFirst]) await reader.waitFor((event) => event.type === 'instance.updated' && event.data.id === id);

    await database.query('BEGIN');
    await database.query('UPDATE "Instance" SET version = version + 1000 WHERE id = $1', [id]);
    await database.query('ROLLBACK');

    // Written now, committed 1.5 s (fifteen polls) later: the row was there but invisible to every
    // poll in between; a poller that remembered "the newest row I saw" would skip it.
    await database.query('BEGIN');
    await database.query('UPDATE "Instance" SET version = version + 1 WHERE id = $1', [id]);
    await sleep(1_500);
    await database.query('COMMIT');

    for (const reader of [onSecond, onFirst])
      await reader.waitFor((event) => event.type === 'instance.updated' && event.data.id === id && event.data.version === 2);
    await sleep(500);
    expect(versionsSeen(onSecond, id)).toEqual([1, 2]);
    expect(versionsSeen(onFirst, id)).toEqual([1, 2]);
  });

  it('one statement changing several tasks of an estate is told once; an instance change a watcher cannot see is not told', async () => {
    const watching = await watch(second, SUPERVISOR);
    const desk = await signInStaff(first.url, setup.logins, FRONT_DESK);
    const ids = [await startRepair(desk), await startRepair(desk)];
    for (const id of ids) await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === id);
    await sleep(300);
    const taskChanges = () =>
      watching.events.filter((event) => event.type === 'task.changed' && event.data.estateId === setup.estateId).length;
    const before = taskChanges();

    const touched = await database.query('UPDATE "Task" SET "escalationLevel" = "escalationLevel" WHERE "instanceId" = ANY($1)', [ids]);
    expect(touched.rowCount).toBe(2);
    await database.query(`UPDATE "Instance" SET "slaClocks" = '{}'::jsonb WHERE id = ANY($1)`, [ids]);
    // A change that is told, committed last: once it has arrived, so has everything before it.
    await database.query('UPDATE "Instance" SET version = version + 1 WHERE id = $1', [ids[0]]);
    await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === ids[0] && event.data.version === 2);
    await sleep(300);

    expect(taskChanges() - before).toBe(1);
    expect(versionsSeen(watching, ids[1])).toEqual([1]);
  });

  it('a change written by the row-level-security role estateflow_app is announced too', async () => {
    const watching = await watch(second, SUPERVISOR);
    const id = await startRepair(await signInStaff(first.url, setup.logins, FRONT_DESK));
    await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === id);
    const { companyId } = (await database.query('SELECT "companyId" FROM "Instance" WHERE id = $1', [id])).rows[0];

    await database.query('BEGIN');
    try {
      await database.query('SET LOCAL ROLE estateflow_app');
      await database.query(`SELECT set_config('app.company_id', $1, true)`, [companyId]);
      const updated = await database.query('UPDATE "Instance" SET version = version + 1 WHERE id = $1', [id]);
      expect(updated.rowCount).toBe(1);
      await database.query('COMMIT');
    } catch (error) {
      await database.query('ROLLBACK');
      throw error;
    }
    await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === id && event.data.version === 2);
  });
});
