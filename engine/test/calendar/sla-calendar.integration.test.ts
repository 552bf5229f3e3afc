import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { signInStaff } from '../instances/workflow-setup';
import { sql } from '../jobs/probe-workflow';
import { ROUND_THE_CLOCK } from './calendars';

const HOUR = 3_600_000;
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

let engine: EngineProcess;
let logins: DemoLogins;
let admin: HttpClient;

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
  admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
});
afterAll(async () => {
  await engine?.stop();
});

/** A one-task workflow whose task must be completed within 2 hours of working time. */
function twoHourTask(key: string): Record<string, unknown> {
  return {
    formatVersion: 1,
    key,
    name: label('两小时任务', 'Two-hour task'),
    referencePrefix: 'LH',
    forms: {},
    machine: {
      id: key,
      initial: 'working',
      states: {
        working: {
          meta: {
            label: label('处理中', 'Working'),
            task: { name: label('处理', 'Handle'), assignee: { role: 'front_desk' }, sla: { complete: 'PT2H' } },
          },
          on: { DONE: [{ target: 'done', meta: { label: label('完成', 'Done'), roles: ['front_desk'] } }] },
        },
        done: { type: 'final', meta: { label: label('已完成', 'Done'), outcome: 'completed' } },
      },
    },
  };
}

/**
 * A fixed-offset zone in which it is now between hh:00 and hh:50 local time, and the closing hour
 * (hh + 1) of a 9-hour working day: so "now" is always within the last working hour of today.
 * Etc/GMT-N is UTC+N (POSIX signs) and has no daylight saving.
 */
function zoneInLastWorkingHour(): { timezone: string; from: string; to: string; localHour: number } {
  const now = new Date();
  const localHour = now.getUTCMinutes() < 50 ? 17 : 16;
  let offset = (localHour - now.getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  const timezone = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return { timezone, from: pad(localHour + 1 - 9), to: pad(localHour + 1), localHour };
}

function localParts(iso: string, timezone: string): { date: string; hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour: Number(part('hour')),
    weekday: weekdays.indexOf(part('weekday')) + 1,
  };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);

/** A new estate with its own calendar and the two-hour workflow bound; returns a started task. */
async function startInEstate(input: {
  code: string;
  timezone: string;
  calendar: (today: { date: string; weekday: number }) => Record<string, unknown>;
}) {
  const estate = await admin.post('/api/admin/estates', { code: input.code, name: `日历测试 ${input.code}`, timezone: input.timezone });
  expect(estate.status, JSON.stringify(estate.body)).toBe(201);
  const today = localParts(new Date().toISOString(), input.timezone);
  const calendar = await admin.put(`/api/admin/estates/${estate.body.id}/calendar`, input.calendar(today));
  expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
  const key = `sla${input.code}`;
  const created = await admin.post('/api/definitions', { key, name: '两小时任务', definition: twoHourTask(key) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await admin.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'v1' });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const bound = await admin.put(`/api/estates/${estate.body.id}/bindings/${key}`, {
    definitionId: created.body.id,
    version: published.body.version,
    parameters: {},
  });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  const started = await admin.post(`/api/estates/${estate.body.id}/instances`, { workflowKey: key, data: {} });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const [task] = started.body.tasks;
  return { today, createdAt: String(task.createdAt), completeDueAt: String(task.completeDueAt) };
}

describe('SLA deadlines follow the estate business calendar', () => {
  it('a 2 h SLA started in the last working hour runs out in the first hours of the next working day', async () => {
    const zone = zoneInLastWorkingHour();
    const every = [1, 2, 3, 4, 5, 6, 7];
    const { today, createdAt, completeDueAt } = await startInEstate({
      code: 'cal1',
      timezone: zone.timezone,
      calendar: () => ({ weekdays: every, hours: [{ from: zone.from, to: zone.to }], holidays: [], workdays: [] }),
    });
    expect(localParts(createdAt, zone.timezone).hour).toBe(zone.localHour);
    // e.g. 17:20 → 18:00 is 40 minutes, the other 80 run from 09:00: due 10:20 the next day, 17 h later.
    expect(Date.parse(completeDueAt) - Date.parse(createdAt)).toBe(17 * HOUR);
    expect(localParts(completeDueAt, zone.timezone)).toMatchObject({ date: addDays(today.date, 1), hour: zone.localHour + 1 - 9 + 1 });
  });

  it('skips a holiday', async () => {
    const zone = zoneInLastWorkingHour();
    const { today, createdAt, completeDueAt } = await startInEstate({
      code: 'cal2',
      timezone: zone.timezone,
      calendar: (day) => ({
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        hours: [{ from: zone.from, to: zone.to }],
        holidays: [addDays(day.date, 1)],
        workdays: [],
      }),
    });
    expect(Date.parse(completeDueAt) - Date.parse(createdAt)).toBe(41 * HOUR);
    expect(localParts(completeDueAt, zone.timezone).date).toBe(addDays(today.date, 2));
  });

  it('counts a make-up working day although its weekday is not worked', async () => {
    const zone = zoneInLastWorkingHour();
    const { today, createdAt, completeDueAt } = await startInEstate({
      code: 'cal3',
      timezone: zone.timezone,
      // Only today's weekday is worked, and tomorrow is a 调休 make-up day.
      calendar: (day) => ({
        weekdays: [day.weekday],
        hours: [{ from: zone.from, to: zone.to }],
        holidays: [],
        workdays: [addDays(day.date, 1)],
      }),
    });
    expect(Date.parse(completeDueAt) - Date.parse(createdAt)).toBe(17 * HOUR);
    expect(localParts(completeDueAt, zone.timezone).date).toBe(addDays(today.date, 1));
  });
});

describe('SLA clocks stop while a repair is paused for parts (挂起 / 待料)', () => {
  it('a resumed repair continues with the time it had left, not a fresh clock', async () => {
    const demo = logins.companies.find((company) => company.code === 'demo');
    const estateId = demo?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
    // Round the clock in this estate, so that the arithmetic below is plain hours.
    const calendar = await admin.put(`/api/admin/estates/${estateId}/calendar`, ROUND_THE_CLOCK);
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);

    // The built-in repair pack's workflow as the demo estate runs it, with a 4-hour completion SLA on the repair task.
    const list = await admin.get('/api/definitions?q=repair');
    const builtin = list.body.find((definition: { key: string }) => definition.key === 'repair');
    const version = await admin.get(`/api/definitions/${builtin.id}/versions/${builtin.latestVersion}`);
    expect(version.status).toBe(200);
    const definition = structuredClone(version.body.definition);
    expect(definition.machine.states.paused.meta.task.sla).toBeUndefined();
    definition.key = 'repairsla';
    definition.machine.states.inProgress.meta.task.sla = { complete: 'PT4H' };
    const created = await admin.post('/api/definitions', { key: 'repairsla', name: '报修（完工时限）', definition });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await admin.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'completion SLA' });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const bound = await admin.put(`/api/estates/${estateId}/bindings/repairsla`, {
      definitionId: created.body.id,
      version: published.body.version,
      parameters: {},
    });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    // No waiting for cached calendars to expire: the process that saved the calendar uses it at once.

    const techLogin = demo?.staff.find((member) => member.role === 'technician' && member.estateIds.includes(estateId));
    if (!techLogin) throw new Error('no technician in the sunshine estate');
    const tech = await signInStaff(engine.url, logins, { company: 'demo', email: techLogin.email });
    const techId = (await tech.get('/api/me')).body.id;
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const started = await desk.post(`/api/estates/${estateId}/instances`, {
      workflowKey: 'repairsla',
      data: { locationType: 'public', publicArea: '3栋大堂', category: 'plumbing_electric', description: '大堂灯不亮', urgency: 'normal' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id;
    const send = async (client: HttpClient, type: string, data: Record<string, unknown> = {}) => {
      const reply = await client.post(`/api/instances/${id}/events`, { type, data });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body;
    };
    await send(desk, 'DISPATCH', { technicianId: techId });
    await send(tech, 'ACCEPT');
    const working = await send(tech, 'ARRIVE');
    const repairTask = working.tasks.find((task: { state: string }) => task.state === 'inProgress');
    expect(Date.parse(repairTask.completeDueAt) - Date.parse(repairTask.createdAt)).toBe(4 * HOUR);

    // Three of the four hours pass before the technician pauses for parts.
    await sql(
      engine.databaseUrl,
      `UPDATE "Task" SET "completeDueAt" = now() + interval '1 hour' WHERE "instanceId" = $1 AND status IN ('open', 'claimed')`,
      [id],
    );
    const paused = await send(tech, 'PAUSE', { reason: 'waiting_parts', expectedResumeDate: '2026-12-01' });
    expect(paused.state).toBe('paused');
    expect(paused.tasks.map((task: { completeDueAt?: string | null }) => task.completeDueAt ?? null)).toEqual([null]);

    // Days later the parts arrive: the clock goes on with the hour it had left.
    const resumed = await send(tech, 'RESUME');
    const again = resumed.tasks.find((task: { state: string }) => task.state === 'inProgress');
    const left = Date.parse(again.completeDueAt) - Date.parse(again.createdAt);
    expect(left).toBeGreaterThan(HOUR - 60_000);
    expect(left).toBeLessThanOrEqual(HOUR);

    // A second pause and resume carries what was left then, and nothing more.
    await send(tech, 'PAUSE', { reason: 'waiting_parts', expectedResumeDate: '2026-12-02' });
    const third = (await send(tech, 'RESUME')).tasks.find((task: { state: string }) => task.state === 'inProgress');
    expect(Date.parse(third.completeDueAt) - Date.parse(third.createdAt)).toBeLessThanOrEqual(left);
  });
});
