import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { signInStaff } from '../instances/workflow-setup';
import { eventually, FAST_WORKER, sql } from '../jobs/probe-workflow';

const SMS_SECRET = 'sms-secret-0123456789abcdef';
const WECHAT_SECRET = 'wechat-secret-0123456789abcdef';
const PHONE = '13712345678';
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A stand-in for the providers' gateways on 127.0.0.1: records every request; answers as `answer` says. */
const received: Received[] = [];
let smsFailuresLeft = 1;
const gateway = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let status = 200;
    if (request.url === '/sms' && smsFailuresLeft > 0) {
      smsFailuresLeft--;
      status = 503;
    }
    if (body.includes('REJECT')) status = 400;
    received.push({ path: request.url ?? '', headers: request.headers, body, status });
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 200 ? { ok: true } : { ok: false, reason: 'try later' }));
  });
});

let engine: EngineProcess;
let desk: HttpClient;
let estateId: string;
let personId: string;

const definition = {
  formatVersion: 1,
  key: 'gatewayprobe',
  name: label('短信测试', 'Gateway probe'),
  referencePrefix: 'DX',
  forms: { start: { schema: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 50 } } } } },
  startForm: 'start',
  machine: {
    id: 'gatewayprobe',
    initial: 'received',
    states: {
      received: {
        entry: [{ type: 'notify', params: { template: 'received', to: [{ requester: true }], channels: ['sms', 'wechat'] } }],
        meta: { label: label('已受理', 'Received'), task: { name: label('处理', 'Handle'), assignee: { role: 'front_desk' } } },
        on: { CLOSE: [{ target: 'closed', meta: { label: label('关闭', 'Close'), roles: ['front_desk'] } }] },
      },
      closed: { type: 'final', meta: { label: label('已关闭', 'Closed'), outcome: 'completed' } },
    },
  },
  notifications: { received: { 'zh-CN': { title: '阳光物业', body: '{{instance.reference}} 已受理：{{data.note}}' } } },
};

function signed(request: Received, secret: string): boolean {
  const timestamp = String(request.headers['x-estateflow-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  return request.headers['x-estateflow-signature'] === expected && Math.abs(Date.now() / 1000 - Number(timestamp)) < 60;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  engine = await startEngine({
    env: {
      ...FAST_WORKER,
      ESTATEFLOW_SMS_URL: `${base}/sms`,
      ESTATEFLOW_SMS_ACCESS_KEY_ID: 'LTAI-test-key',
      ESTATEFLOW_SMS_ACCESS_KEY_SECRET: SMS_SECRET,
      ESTATEFLOW_SMS_SIGN_NAME: '阳光物业',
      ESTATEFLOW_WECHAT_URL: `${base}/wechat`,
      ESTATEFLOW_WECHAT_APP_ID: 'wx-test-app',
      ESTATEFLOW_WECHAT_APP_SECRET: WECHAT_SECRET,
      ESTATEFLOW_WECHAT_TEMPLATE_ID: 'TPL-REPAIR-1',
    },
  });
  const logins = readDemoLogins(engine.dataDir);
  const admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
  estateId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  const [unit] = (await admin.get(`/api/estates/${estateId}/units?q=`)).body;
  const person = await admin.post('/api/admin/people', { name: '王短信', phone: PHONE, residencies: [{ unitId: unit.id, kind: 'owner' }] });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  personId = person.body.id;
  const created = await admin.post('/api/definitions', { key: 'gatewayprobe', name: '短信测试', definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await admin.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'v1' });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  expect(
    (
      await admin.put(`/api/estates/${estateId}/bindings/gatewayprobe`, {
        definitionId: created.body.id,
        version: published.body.version,
        parameters: {},
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
  await new Promise((resolve) => gateway.close(resolve));
});

describe('SMS and WeChat template messages through configured HTTP gateways', () => {
  it('signs each message, retries a gateway that failed with the same delivery key, and sends each once', async () => {
    const started = await desk.post(`/api/estates/${estateId}/instances`, {
      workflowKey: 'gatewayprobe',
      data: { note: '楼道灯不亮' },
      requesterPersonId: personId,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const reference: string = started.body.reference;
    const smsOk = await eventually(
      async () => received.find((request) => request.path === '/sms' && request.status === 200 && request.body.includes(reference)),
      15_000,
      'the SMS',
    );
    const wechat = await eventually(
      async () => received.find((request) => request.path === '/wechat' && request.body.includes(reference)),
      15_000,
      'the WeChat message',
    );

    // The first SMS attempt got a 503: the job was retried, with the same idempotency key.
    const smsAttempts = received.filter((request) => request.path === '/sms' && request.body.includes(reference));
    expect(smsAttempts.map((request) => request.status)).toEqual([503, 200]);
    expect(new Set(smsAttempts.map((request) => request.headers['idempotency-key'])).size).toBe(1);

    expect(signed(smsOk, SMS_SECRET)).toBe(true);
    expect(signed(smsOk, WECHAT_SECRET)).toBe(false);
    expect(smsOk.headers['x-estateflow-key']).toBe('LTAI-test-key');
    expect(JSON.parse(smsOk.body)).toEqual({
      phoneNumber: PHONE,
      signName: '阳光物业',
      text: `【阳光物业】${reference} 已受理：楼道灯不亮`,
    });

    expect(signed(wechat, WECHAT_SECRET)).toBe(true);
    expect(wechat.headers['x-estateflow-key']).toBe('wx-test-app');
    expect(JSON.parse(wechat.body)).toMatchObject({
      appId: 'wx-test-app',
      templateId: 'TPL-REPAIR-1',
      data: { title: { value: '阳光物业' }, content: { value: `${reference} 已受理：楼道灯不亮` } },
    });

    // Nothing went to the development sender's file, and nothing is sent twice later.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(received.filter((request) => request.body.includes(reference) && request.status === 200)).toHaveLength(2);
    const rows = await sql<{ channel: string }>(
      engine.databaseUrl,
      `SELECT channel::text FROM "Notification" WHERE "instanceId" = $1 ORDER BY channel`,
      [started.body.id],
    );
    expect(rows.map((row) => row.channel).sort()).toEqual(['sms', 'wechat']);
    const devFile = path.join(engine.dataDir, 'messages.jsonl');
    expect(fs.existsSync(devFile) ? fs.readFileSync(devFile, 'utf8') : '').not.toContain(reference);
  });

  it('a message the gateway refuses (4xx) is not retried: the job fails into an incident', async () => {
    const started = await desk.post(`/api/estates/${estateId}/instances`, {
      workflowKey: 'gatewayprobe',
      data: { note: 'REJECT' },
      requesterPersonId: personId,
    });
    expect(started.status).toBe(201);
    const incident = await eventually(
      async () =>
        (
          await sql<{ message: string }>(engine.databaseUrl, `SELECT message FROM "Incident" WHERE "instanceId" = $1`, [started.body.id])
        )[0],
      15_000,
      'the incident',
    );
    expect(incident.message).toContain('gateway answered 400');
    expect(received.filter((request) => request.body.includes(started.body.reference) && request.path === '/sms')).toHaveLength(1);
  });
});
