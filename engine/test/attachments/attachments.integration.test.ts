import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { DemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInOwner, signInStaff } from '../instances/workflow-setup';

let engine: EngineProcess;
let logins: DemoLogins;
let estateId: string;
let workflowKey: string;

/** A tiny real JPEG header: what a phone camera's file starts with. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7)]);

async function upload(client: HttpClient, input: { bytes: Buffer; name: string; type: string; estateId: string; instanceId?: string }) {
  const form = new FormData();
  form.append('file', new Blob([input.bytes], { type: input.type }), input.name);
  form.append('estateId', input.estateId);
  if (input.instanceId) form.append('instanceId', input.instanceId);
  return client.request('POST', '/api/attachments', { formData: form });
}

function ownersOf(company: string) {
  return logins.companies.find((entry) => entry.code === company)?.owners ?? [];
}

beforeAll(async () => {
  engine = await startEngine();
  const setup = await publishAndBindRepair(engine.url, engine.dataDir);
  logins = setup.logins;
  estateId = setup.estateId;
  workflowKey = setup.workflowKey;
});
afterAll(async () => {
  await engine?.stop();
});

describe('attachments', () => {
  it('an owner attaches a photo to their own repair; staff of the estate see it, another owner does not', async () => {
    const [first, second] = ownersOf('demo').filter((owner) => owner.units.length > 0);
    expect(first && second).toBeTruthy();
    const owner = await signInOwner(engine.url, first?.phone ?? '');
    const me = await owner.get('/api/me');
    const ownEstate: string = me.body.units[0].estateId;
    const started = await owner.post(`/api/estates/${ownEstate}/instances`, { workflowKey, data: repairReport() });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const instanceId: string = started.body.id;

    const uploaded = await upload(owner, { bytes: JPEG, name: '厨房漏水.jpg', type: 'image/jpeg', estateId: ownEstate, instanceId });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({
      fileName: '厨房漏水.jpg',
      contentType: 'image/jpeg',
      size: JPEG.length,
      url: `/api/attachments/${uploaded.body.id}`,
    });

    const mine = await owner.request('GET', uploaded.body.url, { raw: true });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(mine.bytes ?? new ArrayBuffer(0)).equals(JPEG)).toBe(true);

    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    expect((await desk.request('GET', uploaded.body.url, { raw: true })).status).toBe(200);

    const neighbour = await signInOwner(engine.url, second?.phone ?? '');
    expect((await neighbour.get(uploaded.body.url)).status).toBe(404);
    const otherCompany = await signInStaff(engine.url, logins, { company: 'anju', email: 'admin@anju.estateflow.cn' });
    expect((await otherCompany.get(uploaded.body.url)).status).toBe(404);
    // Nor can the neighbour attach files to someone else's request.
    expect((await upload(neighbour, { bytes: JPEG, name: 'x.jpg', type: 'image/jpeg', estateId: ownEstate, instanceId })).status).toBe(404);

    // The stored file has a random name under the data folder's uploads, never the one given.
    const stored = fs.readdirSync(path.join(engine.dataDir, 'uploads'), { recursive: true }).map(String);
    expect(stored.some((name) => name.includes('厨房'))).toBe(false);
    expect(stored.filter((name) => /^[0-9a-f]{2}[/\\][0-9a-f]{32}$/.test(name)).length).toBeGreaterThan(0);
  });

  it('judges the type by content: an HTML page named .jpg is refused, as is a file over 10 MB', async () => {
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const html = await upload(desk, {
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
      name: 'photo.jpg',
      type: 'image/jpeg',
      estateId,
    });
    expect(html.status).toBe(422);
    expect(html.body.error.message).toMatch(/JPEG|PDF/);
    const huge = await upload(desk, {
      bytes: Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]),
      name: 'big.jpg',
      type: 'image/jpeg',
      estateId,
    });
    expect(huge.status).toBe(413);
    const pdf = await upload(desk, {
      bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
      name: '图纸.pdf',
      type: 'application/octet-stream',
      estateId,
    });
    expect(pdf.status).toBe(201);
    expect(pdf.body.contentType).toBe('application/pdf');
    const download = await desk.request('GET', pdf.body.url, { raw: true });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('refuses estates the caller does not belong to', async () => {
    const otherCompany = await signInStaff(engine.url, logins, { company: 'anju', email: 'admin@anju.estateflow.cn' });
    expect((await upload(otherCompany, { bytes: JPEG, name: 'x.jpg', type: 'image/jpeg', estateId })).status).toBe(404);
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const form = new FormData();
    form.append('estateId', estateId);
    expect((await desk.request('POST', '/api/attachments', { formData: form })).status).toBe(400);
  });
});
