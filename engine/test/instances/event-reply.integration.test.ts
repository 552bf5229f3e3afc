import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from './workflow-setup';

// The event path's shortcuts (docs/performance.md) must not change what people see: the reply to
// an event carries a bounded window of the timeline, and remembering who is signed in for a few
// seconds must not outlive a role change or a logout made through this engine.

let engine: EngineProcess;
let setup: RepairSetup;

beforeAll(async () => {
  engine = await startEngine();
  setup = await publishAndBindRepair(engine.url, engine.dataDir);
});
afterAll(async () => {
  await engine?.stop();
});

describe('the reply to an event', () => {
  it('holds the newest 10 timeline entries, while the instance page still has the whole log', async () => {
    const frontDesk = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const technician = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    const technicianId = (await technician.get('/api/me')).body.id;
    const started = await frontDesk.post(`/api/estates/${setup.estateId}/instances`, {
      workflowKey: setup.workflowKey,
      data: repairReport(),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    let reply = await frontDesk.post(`/api/instances/${started.body.id}/events`, {
      type: 'DISPATCH',
      data: { technicianId },
      expectedVersion: 1,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    for (let round = 0; round < 55; round++) {
      reply = await frontDesk.post(`/api/instances/${started.body.id}/events`, {
        type: 'REASSIGN',
        data: { technicianId, reason: `第${round + 1}次转单` },
        expectedVersion: reply.body.version,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    // start + DISPATCH + 55 × REASSIGN = 57 entries; the reply shows the newest 10, oldest first.
    expect(reply.body.version).toBe(57);
    expect(reply.body.timeline).toHaveLength(10);
    expect(reply.body.timeline.map((entry: { seq: number }) => entry.seq)).toEqual(Array.from({ length: 10 }, (_, index) => index + 48));
    expect(reply.body.timeline.at(-1).data).toMatchObject({ reason: '第55次转单' });

    const page = await frontDesk.get(`/api/instances/${started.body.id}`);
    expect(page.body.timeline).toHaveLength(57);
    expect(page.body.timeline[0].type).toBe('start');
    const { timeline: _pageTimeline, ...pageRest } = page.body;
    const { timeline: _replyTimeline, ...replyRest } = reply.body;
    expect(replyRest).toEqual(pageRest);
  });
});

describe('who is signed in, remembered briefly', () => {
  it('a role taken away by an admin applies to the very next request', async () => {
    const technician = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'tech2@demo.estateflow.cn' });
    const me = await technician.get('/api/me');
    expect(me.status).toBe(200);
    expect((await technician.get(`/api/estates/${setup.estateId}/workflows`)).status).toBe(200);
    const changed = await setup.admin.put(`/api/admin/staff/${me.body.id}/roles`, { roles: [] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await technician.get(`/api/estates/${setup.estateId}/workflows`)).status).toBe(404);
  });
});
