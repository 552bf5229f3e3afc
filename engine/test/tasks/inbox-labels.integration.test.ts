// What the staff inbox, the owner's request list and the work-order page need from the runtime
// API: labels and progress computed by the engine (from the instance's version), so the web apps
// never show raw state paths, raw data keys or a filter that only narrows one page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';

type TaskItem = {
  id: string;
  instanceId: string;
  state: string;
  stateLabel?: { 'zh-CN': string; en: string };
  workflowName?: { 'zh-CN': string; en?: string };
};
const deskAfter = (page: { body: { forms: unknown } }): unknown => page.body.forms;
type ListItem = { id: string; progress: { 'zh-CN': string; en: string } };

let engine: EngineProcess;
let setup: RepairSetup;
let frontDesk: HttpClient;
let normalId: string;
let urgentId: string;

async function start(urgency: string): Promise<string> {
  const started = await frontDesk.post(`/api/estates/${setup.estateId}/instances`, {
    workflowKey: setup.workflowKey,
    data: repairReport({ urgency }),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.id;
}

beforeAll(async () => {
  engine = await startEngine();
  setup = await publishAndBindRepair(engine.url, engine.dataDir, 'labelstest');
  frontDesk = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
  normalId = await start('normal');
  urgentId = await start('urgent');
});
afterAll(async () => {
  await engine?.stop();
});

describe('GET /tasks', () => {
  it('labels each task with its state and workflow, in both languages', async () => {
    const inbox = await frontDesk.get(`/api/tasks?estateId=${setup.estateId}&scope=team&workflowKey=${setup.workflowKey}`);
    expect(inbox.status, JSON.stringify(inbox.body)).toBe(200);
    const task = inbox.body.items.find((item: TaskItem) => item.instanceId === normalId);
    expect(task.state).toBe('submitted.normal');
    expect(task.stateLabel).toEqual({ 'zh-CN': '待受理（普通）', en: 'Submitted (normal)' });
    expect(task.workflowName).toEqual({ 'zh-CN': '报修工单', en: 'Repair work order' });
  });

  it('filters by state on the server: the total and counts agree with the rows', async () => {
    const urgent = await frontDesk.get(
      `/api/tasks?estateId=${setup.estateId}&scope=team&workflowKey=${setup.workflowKey}&state=submitted.urgent`,
    );
    expect(urgent.status).toBe(200);
    expect(urgent.body.items.map((item: TaskItem) => item.instanceId)).toEqual([urgentId]);
    expect(urgent.body.total).toBe(1);
    expect(urgent.body.counts.team).toBe(1);
    const normal = await frontDesk.get(
      `/api/tasks?estateId=${setup.estateId}&scope=team&workflowKey=${setup.workflowKey}&state=submitted.normal`,
    );
    expect(normal.body.items.map((item: TaskItem) => item.instanceId)).toEqual([normalId]);
    const none = await frontDesk.get(`/api/tasks?estateId=${setup.estateId}&scope=team&state=closed`);
    expect(none.body.items).toEqual([]);
  });

  it('labels the task a reassign answers with', async () => {
    const inbox = await frontDesk.get(`/api/tasks?estateId=${setup.estateId}&scope=team&state=submitted.urgent`);
    const technicianId = (
      await (await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'tech2@demo.estateflow.cn' })).get('/api/me')
    ).body.id;
    const reassigned = await frontDesk.post(`/api/tasks/${inbox.body.items[0].id}/reassign`, { userId: technicianId });
    expect(reassigned.status, JSON.stringify(reassigned.body)).toBe(200);
    expect(reassigned.body.stateLabel['zh-CN']).toBe('待受理（加急）');
    expect(reassigned.body.workflowName['zh-CN']).toBe('报修工单');
  });
});

describe('GET /instances', () => {
  it('gives each request the progress text its own page shows, with the parameters filled in', async () => {
    const list = await frontDesk.get(`/api/instances?estateId=${setup.estateId}&workflowKey=${setup.workflowKey}`);
    expect(list.status).toBe(200);
    for (const id of [normalId, urgentId]) {
      const item = list.body.items.find((entry: ListItem) => entry.id === id);
      const page = await frontDesk.get(`/api/instances/${id}`);
      expect(item.progress).toEqual(page.body.progress);
      expect(item.progress['zh-CN']).toMatch(/^已提交，预计 \d+ 分钟内响应$/);
      expect(item.progress.en).toMatch(/^Submitted, we will respond within \d+ minutes$/);
    }
  });
});

describe('GET /instances/{id} forms', () => {
  it('holds the forms behind the data the caller reads — the start form, done events, their own actions — and no other', async () => {
    const deskView = await frontDesk.get(`/api/instances/${normalId}`);
    expect(deskView.body.forms.map((form: { key: string }) => form.key).sort()).toEqual(['dispatch', 'reject', 'report']);
    const report = deskView.body.forms[0]; // the start form comes first
    expect(report.schema.properties.urgency.title).toBe('紧急程度');

    const technician = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    const technicianId = (await technician.get('/api/me')).body.id;
    const dispatched = await frontDesk.post(`/api/instances/${normalId}/events`, {
      type: 'DISPATCH',
      data: { technicianId },
      expectedVersion: deskView.body.version,
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    // The technician may only ACCEPT (no form): they get the report and the dispatch form that filled data, not the reject
    // form (never used here) — and the same list whether it comes with an event's reply or the page.
    const techView = await technician.get(`/api/instances/${normalId}`);
    expect(techView.status).toBe(200);
    const techForms = techView.body.forms.map((form: { key: string }) => form.key);
    expect(techForms[0]).toBe('report');
    expect(techForms).toContain('dispatch');
    expect(techForms).not.toContain('reject');
    expect(techForms).not.toContain('review');
    expect(dispatched.body.forms).toEqual(deskAfter(await frontDesk.get(`/api/instances/${normalId}`)));
  });
});
