import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { signInStaff } from '../instances/workflow-setup';
import { eventually, sql } from '../jobs/probe-workflow';
import { ROUND_THE_CLOCK } from './calendars';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let engine: EngineProcess;
let logins: DemoLogins;
let admin: HttpClient;
let desk: HttpClient;
let estateId: string;

interface TaskView {
  id: string;
  instanceId: string;
  state: string;
  createdAt: string;
  respondDueAt?: string;
  completeDueAt?: string;
  overdue: boolean;
}

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
  admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
  estateId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  // Round the clock, so that a due time is the start plus the SLA exactly.
  const calendar = await admin.put(`/api/admin/estates/${estateId}/calendar`, ROUND_THE_CLOCK);
  expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
  // The estate runs the built-in repair pack with its own dispatch limits.
  const bindings = await admin.get(`/api/estates/${estateId}/bindings`);
  const repair = bindings.body.find((binding: { workflowKey: string }) => binding.workflowKey === 'repair');
  const tuned = await admin.put(`/api/estates/${estateId}/bindings/repair`, {
    definitionId: repair.definitionId,
    version: repair.version,
    parameters: { respondMinutesEmergency: 7, respondMinutesNormal: 90 },
  });
  expect(tuned.status, JSON.stringify(tuned.body)).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
});

async function reportRepair(urgency: string): Promise<{ id: string; task: TaskView }> {
  const started = await desk.post(`/api/estates/${estateId}/instances`, {
    workflowKey: 'repair',
    data: { locationType: 'public', publicArea: '2栋地库', category: 'plumbing_electric', description: '地库积水', urgency },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const task = started.body.tasks.find((candidate: TaskView) => candidate.state === 'submitted');
  return { id: started.body.id, task };
}

const after = (task: TaskView, due: string | undefined) => Date.parse(due ?? '') - Date.parse(task.createdAt);

async function overdueDispatchTasks(): Promise<TaskView[]> {
  const inbox = await desk.get(`/api/tasks?estateId=${estateId}&scope=all&overdue=true&workflowKey=repair&pageSize=100`);
  expect(inbox.status, JSON.stringify(inbox.body)).toBe(200);
  return inbox.body.items;
}

describe('the repair pack gives its tasks due times by urgency', () => {
  it('an emergency and a normal repair are due for dispatch by their own limits, and the late one is listed as overdue', async () => {
    const emergency = await reportRepair('emergency');
    const normal = await reportRepair('normal');
    expect(after(emergency.task, emergency.task.respondDueAt)).toBe(7 * MINUTE);
    expect(after(normal.task, normal.task.respondDueAt)).toBe(90 * MINUTE);
    expect(emergency.task.completeDueAt).toBeUndefined();

    const ids = (tasks: TaskView[]) => tasks.map((task) => task.instanceId);
    expect(ids(await overdueDispatchTasks())).not.toContain(emergency.id);

    // The seven minutes pass with nobody dispatching the emergency.
    await sql(
      engine.databaseUrl,
      `UPDATE "Task" SET "respondDueAt" = now() - interval '1 minute' WHERE "instanceId" = $1 AND status = 'open'`,
      [emergency.id],
    );
    const overdue = await overdueDispatchTasks();
    expect(ids(overdue)).toContain(emergency.id);
    expect(ids(overdue)).not.toContain(normal.id);
    expect(overdue.find((task) => task.instanceId === emergency.id)).toMatchObject({ state: 'submitted', overdue: true });

    // The engine's SLA sweep sees the breach but leaves the telling to the pack's own timer
    // (sla.escalation: false): its escalate job ends without notifying anyone a second time.
    const [swept] = await eventually(
      async () => {
        const rows = await sql<{ status: string; lastError: string | null }>(
          engine.databaseUrl,
          `SELECT status::text AS status, "lastError" FROM "Job"
            WHERE kind = 'escalate' AND "instanceId" = $1 AND payload ? 'taskId' AND status IN ('done', 'cancelled', 'failed')`,
          [emergency.id],
        );
        return rows.length > 0 ? rows : undefined;
      },
      30_000,
      "the sweep's escalation of the late dispatch",
    );
    expect(swept).toMatchObject({ status: 'cancelled' });
    expect(swept?.lastError).toContain('sla.escalation: false');
  });

  it('the technician’s on-site check-in is due within the emergency on-site limit', async () => {
    const techLogin = logins.companies
      .find((company) => company.code === 'demo')
      ?.staff.find((member) => member.role === 'technician' && member.estateIds.includes(estateId));
    if (!techLogin) throw new Error('no technician in the sunshine estate');
    const tech = await signInStaff(engine.url, logins, { company: 'demo', email: techLogin.email });
    const techId = (await tech.get('/api/me')).body.id;
    const { id } = await reportRepair('emergency');
    const dispatched = await desk.post(`/api/instances/${id}/events`, { type: 'DISPATCH', data: { technicianId: techId } });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    const accepted = await tech.post(`/api/instances/${id}/events`, { type: 'ACCEPT', data: {} });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const checkIn: TaskView = accepted.body.tasks.find((task: TaskView) => task.state === 'accepted');
    // onSiteHoursEmergency defaults to 1 hour.
    expect(after(checkIn, checkIn.completeDueAt)).toBe(1 * HOUR);
  });
});
