import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { signInStaff } from '../instances/workflow-setup';
import { eventually, FAST_WORKER, publishProbe, sql } from '../jobs/probe-workflow';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A receiver on 127.0.0.1 that records every delivery and answers with `status`. */
class Receiver {
  readonly received: Received[] = [];
  status = 500;
  private server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      this.received.push({ headers: request.headers, body, at: Date.now() });
      response.writeHead(this.status).end();
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/estateflow`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const KEY = 'probe';
let engine: EngineProcess;
let receiver: Receiver;
let admin: HttpClient;
let estateId: string;
let hook: { id: string; secret: string };

const signIn = (email: string, company = 'demo'): Promise<HttpClient> =>
  signInStaff(engine.url, readDemoLogins(engine.dataDir), { company, email });

beforeAll(async () => {
  receiver = new Receiver();
  const url = await receiver.start();
  engine = await startEngine({ env: FAST_WORKER });
  estateId =
    readDemoLogins(engine.dataDir)
      .companies.find((company) => company.code === 'demo')
      ?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  admin = await signIn('admin@demo.estateflow.cn');
  await publishProbe(admin, { estateId, key: KEY });
  const created = await admin.post('/api/webhooks', { name: 'ERP', url, events: ['probe.timed_out'] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.secret).toMatch(/^whsec_/);
  hook = created.body;
});
afterAll(async () => {
  await engine?.stop();
  await receiver?.stop();
});

describe('webhooks', () => {
  it('are managed by company admins only, and never show their secret again', async () => {
    const list = await admin.get('/api/webhooks');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(list.body)).not.toContain(hook.secret);
    const manager = await signIn('manager@demo.estateflow.cn');
    expect((await manager.get('/api/webhooks')).status).toBe(403);
    const otherAdmin = await signIn('admin@anju.estateflow.cn', 'anju');
    expect((await otherAdmin.put(`/api/webhooks/${hook.id}`, { active: false })).status).toBe(404);
    expect((await otherAdmin.get('/api/webhooks')).body).toEqual([]);
    expect((await admin.post('/api/webhooks', { name: 'x', url: 'ftp://example.com' })).status).toBe(400);
    expect((await admin.post('/api/webhooks', { name: 'x', url: 'https://example.com', extra: 1 })).status).toBe(400);
  });

  it('are signed, retried with backoff, become an incident after the last attempt, and succeed when retried from the API', async () => {
    const desk = await signIn('frontdesk@demo.estateflow.cn');
    const started = await desk.post(`/api/estates/${estateId}/instances`, { workflowKey: KEY, data: { note: 'webhook' } });
    expect(started.status).toBe(201);
    const instanceId: string = started.body.id;

    // The probe's 5 s timer fires the probe.timed_out webhook; the receiver fails every attempt.
    const incident = await eventually(
      async () => {
        const open = await admin.get('/api/incidents?status=open');
        return open.body.items.find(
          (item: { kind: string; instance: { id: string } | null }) => item.kind === 'webhook_delivery' && item.instance?.id === instanceId,
        );
      },
      40_000,
      'the incident',
    );
    expect(incident.message).toMatch(/HTTP 500/);
    expect(receiver.received).toHaveLength(6);

    const deliveryIds = new Set(receiver.received.map((request) => request.headers['x-estateflow-delivery']));
    expect(deliveryIds.size).toBe(1);
    for (const request of receiver.received) {
      const timestamp = String(request.headers['x-estateflow-timestamp']);
      const expected = `sha256=${createHmac('sha256', hook.secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
      expect(request.headers['x-estateflow-signature']).toBe(expected);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(120);
      expect(JSON.parse(request.body)).toMatchObject({ event: 'probe.timed_out', instanceId, estateId, data: { note: 'webhook' } });
    }
    // Backoff: the gaps between attempts grow (100 ms doubling in this test, ±20 % jitter).
    const gaps = receiver.received.slice(1).map((request, index) => request.at - (receiver.received[index]?.at ?? 0));
    expect(gaps.at(-1) ?? 0).toBeGreaterThan(2 * (gaps[0] ?? 0));
    const jobs = await sql<{ attempts: number; status: string }>(
      engine.databaseUrl,
      `SELECT attempts, status::text FROM "Job" WHERE kind = 'webhook_delivery' AND "instanceId" = $1`,
      [instanceId],
    );
    expect(jobs).toEqual([{ attempts: 6, status: 'failed' }]);

    // Staff outside the estate's management do not see incidents.
    expect((await desk.get('/api/incidents')).status).toBe(403);

    receiver.status = 204;
    const retried = await admin.post(`/api/incidents/${incident.id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.status).toBe('resolved');
    await eventually(async () => (receiver.received.length === 7 ? true : undefined), 10_000, 'the retried delivery');
    await eventually(
      async () => {
        const [job] = await sql<{ status: string }>(
          engine.databaseUrl,
          `SELECT status::text FROM "Job" WHERE kind = 'webhook_delivery' AND "instanceId" = $1`,
          [instanceId],
        );
        return job?.status === 'done' ? job : undefined;
      },
      10_000,
      'the delivery job to finish',
    );
    expect((await admin.get('/api/incidents?status=open')).body.items.map((item: { id: string }) => item.id)).not.toContain(incident.id);
    expect((await admin.post(`/api/incidents/${incident.id}/resolve`)).status).toBe(409);
  });
});
