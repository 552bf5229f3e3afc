import { expect } from 'vitest';
import { Client } from 'pg';
import type { HttpClient } from '../harness/http-client';

/**
 * A small workflow for timer and notification tests: it waits in "waiting" (a front-desk task)
 * until HANDLE, or until its 5-second `after` timer moves it to "timedOut" with a notification
 * and a webhook.
 */
export function probeDefinition(key: string): Record<string, unknown> {
  const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  return {
    formatVersion: 1,
    key,
    name: label('计时测试', 'Timer probe'),
    referencePrefix: 'JS',
    roles: { start: ['front_desk'] },
    machine: {
      id: key,
      initial: 'waiting',
      states: {
        waiting: {
          entry: [{ type: 'notify', params: { template: 'started', to: [{ role: 'front_desk' }], channels: ['inApp', 'email'] } }],
          meta: { label: label('等待处理', 'Waiting'), task: { name: label('处理', 'Handle'), assignee: { role: 'front_desk' } } },
          on: { HANDLE: [{ target: 'handled', meta: { label: label('处理', 'Handle'), roles: ['front_desk'] } }] },
          after: {
            deadline: [
              {
                target: 'timedOut',
                actions: [
                  { type: 'notify', params: { template: 'timedOut', to: [{ role: 'front_desk' }] } },
                  { type: 'webhook', params: { event: 'probe.timed_out', payload: { note: 'data.note' } } },
                ],
              },
            ],
          },
        },
        handled: { type: 'final', meta: { label: label('已处理', 'Handled'), outcome: 'completed' } },
        timedOut: { type: 'final', meta: { label: label('已超时', 'Timed out'), outcome: 'completed' } },
      },
    },
    delays: { deadline: 'PT5S' },
    forms: { start: { schema: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 100 } } } } },
    startForm: 'start',
    notifications: {
      started: {
        'zh-CN': { title: '新的计时单', body: '{{instance.reference}}：{{data.note}}（{{instance.stateLabel}}）' },
        en: { title: 'New probe', body: '{{instance.reference}}: {{data.note}} ({{instance.stateLabel}})' },
      },
      timedOut: {
        'zh-CN': { title: '已超时', body: '{{instance.reference}} 已超时：{{data.note}}' },
        en: { title: 'Timed out', body: '{{instance.reference}} timed out: {{data.note}}' },
      },
    },
  };
}

/** Creates, publishes and binds the probe workflow in an estate as the company admin. */
export async function publishProbe(admin: HttpClient, input: { estateId: string; key: string }): Promise<void> {
  const created = await admin.post('/api/definitions', { key: input.key, name: '计时测试', definition: probeDefinition(input.key) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await admin.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'probe' });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const bound = await admin.put(`/api/estates/${input.estateId}/bindings/${input.key}`, {
    definitionId: created.body.id,
    version: published.body.version,
    parameters: {},
  });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
}

/** Runs one query against the engine's database (for what no API shows: job rows, exact counts). */
export async function sql<T extends Record<string, unknown>>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Worker settings that make tests quick: fast polling, short leases and backoff. */
export const FAST_WORKER = { ESTATEFLOW_WORKER_POLL_MS: '100', ESTATEFLOW_JOB_LEASE_MS: '1500', ESTATEFLOW_JOB_BACKOFF_MS: '100' };
