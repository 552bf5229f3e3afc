import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from './workflow-setup';

let engine: EngineProcess;
let setup: RepairSetup;

beforeAll(async () => {
  engine = await startEngine();
  setup = await publishAndBindRepair(engine.url, engine.dataDir);
});
afterAll(async () => {
  await engine?.stop();
});

describe('a repair work order from report to dispatch', () => {
  it('front desk starts a repair, sees its reference, progress and task, and dispatches it', async () => {
    const frontDesk = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const workflows = await frontDesk.get(`/api/estates/${setup.estateId}/workflows`);
    expect(workflows.status).toBe(200);
    expect(workflows.body.map((workflow: { key: string }) => workflow.key)).toContain(setup.workflowKey);

    const started = await frontDesk.post(`/api/estates/${setup.estateId}/instances`, {
      workflowKey: setup.workflowKey,
      data: repairReport(),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const instance = started.body;
    expect(instance.reference).toMatch(/^BX-\d{8}-\d{4}$/);
    expect(instance.version).toBe(1);
    expect(instance.status).toBe('active');
    expect(instance.stateLabel['zh-CN']).toBeTruthy();
    expect(instance.tasks.length).toBeGreaterThan(0);
    expect(instance.allowedEvents.map((event: { type: string }) => event.type)).toContain('DISPATCH');

    const again = await frontDesk.get(`/api/instances/${instance.id}`);
    expect(again.status).toBe(200);
    expect(again.body.reference).toBe(instance.reference);
    expect(again.body.timeline).toHaveLength(1);
  });
});

describe('reassigning a dispatched repair (转单)', () => {
  it('moves its open task to the new technician, unclaimed, out of the first one’s inbox', async () => {
    const frontDesk = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const first = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    const second = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'tech2@demo.estateflow.cn' });
    const [firstId, secondId] = [(await first.get('/api/me')).body.id as string, (await second.get('/api/me')).body.id as string];
    const started = await frontDesk.post(`/api/estates/${setup.estateId}/instances`, {
      workflowKey: setup.workflowKey,
      data: repairReport(),
    });
    const dispatched = await frontDesk.post(`/api/instances/${started.body.id}/events`, {
      type: 'DISPATCH',
      data: { technicianId: firstId },
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    const [task] = dispatched.body.tasks;
    expect(task.assignee.userId).toBe(firstId);
    expect((await first.post(`/api/tasks/${task.id}/claim`, {})).status).toBe(200);

    const mine = async (client: typeof first) =>
      (await client.get(`/api/tasks?estateId=${setup.estateId}&scope=mine`)).body.items.map((item: { id: string }) => item.id);
    expect(await mine(first)).toContain(task.id);

    const reassigned = await frontDesk.post(`/api/instances/${started.body.id}/events`, {
      type: 'REASSIGN',
      data: { technicianId: secondId, reason: '张师傅请假' },
      expectedVersion: dispatched.body.version,
    });
    expect(reassigned.status, JSON.stringify(reassigned.body)).toBe(200);
    expect(reassigned.body.tasks).toEqual([
      expect.objectContaining({ id: task.id, status: 'open', assignee: expect.objectContaining({ userId: secondId, name: '刘师傅' }) }),
    ]);
    expect(await mine(second)).toContain(task.id);
    expect(await mine(first)).not.toContain(task.id);
    const page = await frontDesk.get(`/api/instances/${started.body.id}`);
    expect(page.body.tasks).toEqual([expect.objectContaining({ id: task.id, assignee: expect.objectContaining({ userId: secondId }) })]);

    // Someone who is not the company's staff: the task stays with the technician who has it.
    const nobody = await frontDesk.post(`/api/instances/${started.body.id}/events`, {
      type: 'REASSIGN',
      data: { technicianId: '00000000-0000-4000-8000-000000000000', reason: '误填' },
    });
    expect(nobody.status, JSON.stringify(nobody.body)).toBe(200);
    expect(nobody.body.tasks).toEqual([expect.objectContaining({ id: task.id, assignee: expect.objectContaining({ userId: secondId }) })]);
    expect(await mine(second)).toContain(task.id);
  });
});
