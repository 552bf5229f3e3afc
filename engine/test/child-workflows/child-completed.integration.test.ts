import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { signInStaff } from '../instances/workflow-setup';
import { eventually, FAST_WORKER, sql } from '../jobs/probe-workflow';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

let engine: EngineProcess;
let admin: HttpClient;
let desk: HttpClient;
let estateId: string;

/** A child: one front-desk task, FINISH ends it in "done". */
const childDefinition = {
  formatVersion: 1,
  key: 'childflow',
  name: label('子流程', 'Child'),
  referencePrefix: 'ZL',
  forms: {},
  machine: {
    id: 'childflow',
    initial: 'work',
    states: {
      work: {
        meta: { label: label('处理中', 'Working'), task: { name: label('处理', 'Handle'), assignee: { role: 'front_desk' } } },
        on: { FINISH: [{ target: 'done', meta: { label: label('完成', 'Finish'), roles: ['front_desk'] } }] },
      },
      done: { type: 'final', meta: { label: label('已完成', 'Done'), outcome: 'completed' } },
    },
  },
};

/** A parent that starts the child on entry; `listens`: whether its waiting state takes CHILD_COMPLETED. */
function parentDefinition(key: string, listens: boolean): Record<string, unknown> {
  const waiting: Record<string, unknown> = {
    entry: [{ type: 'startChild', params: { workflowKey: 'childflow', data: {} } }],
    meta: { label: label('等待子流程', 'Waiting for the child') },
    on: {
      CLOSE: [{ target: 'closed', meta: { label: label('关闭', 'Close'), roles: ['front_desk'] } }],
      ...(listens
        ? {
            CHILD_COMPLETED: [
              {
                target: 'childDone',
                actions: [{ type: 'setData', params: { assign: { childResult: 'event.data.finalState', childId: 'event.data.childId' } } }],
              },
            ],
          }
        : {}),
    },
  };
  return {
    formatVersion: 1,
    key,
    name: label('父流程', 'Parent'),
    referencePrefix: 'FL',
    forms: {},
    machine: {
      id: key,
      initial: 'waiting',
      states: {
        waiting,
        childDone: { type: 'final', meta: { label: label('子流程已完成', 'Child done'), outcome: 'completed' } },
        closed: { type: 'final', meta: { label: label('已关闭', 'Closed'), outcome: 'completed' } },
      },
    },
  };
}

async function publish(definition: Record<string, unknown>): Promise<void> {
  const key = String(definition.key);
  const created = await admin.post('/api/definitions', { key, name: key, definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await admin.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'v1' });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const bound = await admin.put(`/api/estates/${estateId}/bindings/${key}`, {
    definitionId: created.body.id,
    version: published.body.version,
    parameters: {},
  });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
}

beforeAll(async () => {
  engine = await startEngine({ env: FAST_WORKER });
  const logins = readDemoLogins(engine.dataDir);
  admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
  estateId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  await publish(childDefinition);
  await publish(parentDefinition('parentflow', true));
  await publish(parentDefinition('parentquiet', false));
});
afterAll(async () => {
  await engine?.stop();
});

/** Starts a parent and finishes the child it starts; returns both ids. */
async function runChild(parentKey: string): Promise<{ parentId: string; childId: string }> {
  const started = await admin.post(`/api/estates/${estateId}/instances`, { workflowKey: parentKey, data: {} });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const parentId: string = started.body.id;
  const child = await eventually(
    async () => (await sql<{ id: string }>(engine.databaseUrl, `SELECT id FROM "Instance" WHERE "parentInstanceId" = $1`, [parentId]))[0],
    10_000,
    'the child',
  );
  const finished = await desk.post(`/api/instances/${child.id}/events`, { type: 'FINISH', data: {} });
  expect(finished.status, JSON.stringify(finished.body)).toBe(200);
  expect(finished.body.status).toBe('completed');
  return { parentId, childId: child.id };
}

describe('a child workflow that ends tells its parent', () => {
  it('the parent receives CHILD_COMPLETED with the child, its workflow and its final state, once', async () => {
    const { parentId, childId } = await runChild('parentflow');
    const parent = await eventually(
      async () => {
        const view = await admin.get(`/api/instances/${parentId}`);
        return view.body.state === 'childDone' ? view.body : undefined;
      },
      10_000,
      'the parent to move on',
    );
    expect(parent.status).toBe('completed');
    expect(parent.data).toMatchObject({ childResult: 'done', childId });
    const received = parent.timeline.filter((entry: { type: string }) => entry.type === 'CHILD_COMPLETED');
    expect(received).toHaveLength(1);
    expect(received[0].actor.kind).toBe('system');
  });

  it('nobody but the engine may send CHILD_COMPLETED, and it is never offered as an action', async () => {
    const started = await admin.post(`/api/estates/${estateId}/instances`, { workflowKey: 'parentflow', data: {} });
    const asDesk = await desk.get(`/api/instances/${started.body.id}`);
    expect(asDesk.body.allowedEvents.map((event: { type: string }) => event.type)).toEqual(['CLOSE']);
    const forged = await desk.post(`/api/instances/${started.body.id}/events`, {
      type: 'CHILD_COMPLETED',
      data: { childId: started.body.id, workflowKey: 'childflow', finalState: 'done' },
    });
    expect(forged.status).toBe(403);
    expect((await admin.get(`/api/instances/${started.body.id}`)).body.state).toBe('waiting');
  });

  it('a parent whose state does not listen for it ignores it: no incident, the parent waits on', async () => {
    const { parentId, childId } = await runChild('parentquiet');
    const job = await eventually(
      async () => {
        const [row] = await sql<{ status: string }>(
          engine.databaseUrl,
          `SELECT status::text FROM "Job" WHERE kind = 'child_completed' AND payload->>'childId' = $1`,
          [childId],
        );
        return row !== undefined && row.status !== 'pending' && row.status !== 'running' ? row : undefined;
      },
      10_000,
      'the child_completed job to finish',
    );
    expect(job.status).toBe('cancelled');
    expect(await sql(engine.databaseUrl, `SELECT 1 FROM "Incident" WHERE "instanceId" IN ($1, $2)`, [parentId, childId])).toEqual([]);
    const parent = await admin.get(`/api/instances/${parentId}`);
    expect(parent.body).toMatchObject({ state: 'waiting', status: 'active' });
  });
});
