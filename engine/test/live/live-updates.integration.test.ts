import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { DemoLogins } from '../harness/demo-logins';
import { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInOwner, signInStaff } from '../instances/workflow-setup';
import { EventStreamReader } from './event-stream';

let first: EngineProcess;
let second: EngineProcess;
let logins: DemoLogins;
let estateId: string;
let workflowKey: string;
const readers: EventStreamReader[] = [];

async function stream(client: HttpClient): Promise<EventStreamReader> {
  const reader = await EventStreamReader.open(client);
  readers.push(reader);
  return reader;
}

beforeAll(async () => {
  first = await startEngine();
  // A second engine process on the same database: live updates must cross between them.
  second = await startEngine({ databaseUrl: first.databaseUrl, dataDir: first.dataDir });
  const setup = await publishAndBindRepair(first.url, first.dataDir);
  logins = setup.logins;
  estateId = setup.estateId;
  workflowKey = setup.workflowKey;
});
afterAll(async () => {
  for (const reader of readers) reader.close();
  await second?.stop();
  await first?.stop();
});

describe('live updates over Server-Sent Events', () => {
  it('a supervisor watching on one engine sees a repair started and changed through another', async () => {
    const supervisor = await signInStaff(first.url, logins, { company: 'demo', email: 'supervisor@demo.estateflow.cn' });
    const watching = await stream(supervisor);
    expect(watching.status).toBe(200);
    const otherCompany = await stream(await signInStaff(first.url, logins, { company: 'anju', email: 'admin@anju.estateflow.cn' }));

    const desk = await signInStaff(second.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const started = await desk.post(`/api/estates/${estateId}/instances`, { workflowKey, data: repairReport() });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id: string = started.body.id;

    expect((await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === id)).data).toEqual({ id, version: 1 });
    expect((await watching.waitFor((event) => event.type === 'task.changed')).data).toEqual({ estateId });

    const me = await (await signInStaff(second.url, logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' })).get('/api/me');
    const dispatched = await desk.post(`/api/instances/${id}/events`, { type: 'DISPATCH', data: { technicianId: me.body.id } });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    await watching.waitFor((event) => event.type === 'instance.updated' && event.data.id === id && event.data.version === 2);

    // Another company's admin saw none of it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(otherCompany.events.filter((event) => event.type !== 'ready' && event.type !== 'ping')).toEqual([]);
  });

  it('an owner is told about their own request and their notifications, not about others', async () => {
    const demoOwners = logins.companies.find((company) => company.code === 'demo')?.owners ?? [];
    const [ownerLogin, neighbourLogin] = demoOwners;
    const owner = await signInOwner(first.url, ownerLogin?.phone ?? '');
    const neighbour = await signInOwner(first.url, neighbourLogin?.phone ?? '');
    const ownerStream = await stream(owner);
    const neighbourStream = await stream(neighbour);

    const ownEstate: string = (await owner.get('/api/me')).body.units[0].estateId;
    const started = await owner.post(`/api/estates/${ownEstate}/instances`, { workflowKey, data: repairReport() });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    await ownerStream.waitFor((event) => event.type === 'instance.updated' && event.data.id === started.body.id);
    // The repair's "submitted" notification goes to the requester, in-app.
    const notification = await ownerStream.waitFor((event) => event.type === 'notification', 15_000);
    const inbox = await owner.get('/api/notifications');
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(notification.data.id);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(neighbourStream.events.filter((event) => event.type === 'instance.updated' || event.type === 'task.changed')).toEqual([]);
  });

  it('needs a session', async () => {
    const anonymous = await EventStreamReader.open(new HttpClient(first.url));
    readers.push(anonymous);
    expect(anonymous.status).toBe(401);
  });
});
