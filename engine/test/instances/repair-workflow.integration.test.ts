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
