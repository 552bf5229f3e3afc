import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { sql } from '../jobs/probe-workflow';
import { signInStaff } from '../instances/workflow-setup';
import { checkLogsFold } from '../../src/instances/log-folds';
import { Client } from 'pg';

// The demo's past (ESTATEFLOW_DEMO_HISTORY): four months of repairs, complaints and weekly inspection
// rounds run through the engine and moved back to when they happened, so that a first start has
// reports and history to show.

let engine: EngineProcess;
let logins: DemoLogins;
let sunshineId: string;
let manager: HttpClient;

function localDate(instant: number): string {
  return new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  engine = await startEngine({ env: { ESTATEFLOW_DEMO_HISTORY: 'true' } });
  logins = readDemoLogins(engine.dataDir);
  sunshineId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  manager = await signInStaff(engine.url, logins, { company: 'demo', email: 'manager@demo.estateflow.cn' });
}, 240_000);
afterAll(async () => {
  await engine?.stop();
});

describe('the demo history', () => {
  it('gives the estate manager four months of repairs to report on: mostly done, rated and on time', async () => {
    const from = localDate(Date.now() - 120 * 86_400_000);
    const report = await manager.get(
      `/api/reports/summary?estateId=${sunshineId}&from=${from}&to=${localDate(Date.now())}&workflowKey=repair`,
    );
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const { totals } = report.body;
    expect(totals.created).toBeGreaterThan(100);
    expect(totals.completed / totals.created).toBeGreaterThan(0.8);
    expect(totals.cancelled).toBeGreaterThan(0);
    expect(totals.averageRating).toBeGreaterThan(4);
    expect(totals.averageRating).toBeLessThan(5);
    expect(totals.onTimeRate).toBeGreaterThan(0.5);
    expect(totals.onTimeRate).toBeLessThan(1);
    expect(totals.averageResponseMinutes).toBeGreaterThan(5);
    expect(totals.averageCompletionHours).toBeGreaterThan(2);
    expect(report.body.repeatFaults.length).toBeGreaterThan(0);
    const months = report.body.trend.filter((month: { created: number }) => month.created > 0);
    expect(months.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps each request consistent: its reference dated the day it was filed, its timeline in order and in the past', async () => {
    const rows = await sql<{ id: string; reference: string; createdAt: Date }>(
      engine.databaseUrl,
      `SELECT id, reference, "createdAt" FROM "Instance"
        WHERE "estateId" = $1 AND "workflowKey" = 'repair' AND status = 'completed' ORDER BY "createdAt" LIMIT 1`,
      [sunshineId],
    );
    const oldest = rows[0];
    if (!oldest) throw new Error('no completed repair');
    expect(oldest.reference).toBe(`BX-${localDate(oldest.createdAt.getTime()).replaceAll('-', '')}-0001`);
    const view = await manager.get(`/api/instances/${oldest.id}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.reference).toBe(oldest.reference);
    expect(view.body.state).toBe('closed');
    const times: number[] = view.body.timeline.map((entry: { at: string }) => Date.parse(entry.at));
    expect(times.length).toBeGreaterThanOrEqual(6);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.every((time) => time < Date.now() - 29 * 60_000)).toBe(true);
    const photos =
      view.body.data.photos ?? view.body.timeline.flatMap((entry: { data?: { photos?: string[] } }) => entry.data?.photos ?? []);
    expect(photos.length).toBeGreaterThan(0);
  });

  it('gives the estate its complaints too: sent to the departments, replied to, resolved and called back', async () => {
    const from = localDate(Date.now() - 120 * 86_400_000);
    const report = await manager.get(`/api/reports/summary?estateId=${sunshineId}&from=${from}&to=${localDate(Date.now())}`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const complaints = report.body.byWorkflow.find((row: { workflowKey: string }) => row.workflowKey === 'complaint');
    expect(complaints?.created).toBeGreaterThan(15);
    expect(complaints.completed / complaints.created).toBeGreaterThan(0.7);
    expect(complaints.averageRating).toBeGreaterThan(3.5);
    expect(complaints.averageRating).toBeLessThan(5);
    expect(complaints.onTimeRate).toBeGreaterThan(0.5);
    expect(report.body.totals.created).toBe(report.body.byWorkflow.reduce((sum: number, row: { created: number }) => sum + row.created, 0));

    // One called back satisfied reads as it happened: its own reference, each department's handler, in order.
    const rows = await sql<{ id: string; reference: string; createdAt: Date }>(
      engine.databaseUrl,
      `SELECT id, reference, "createdAt" FROM "Instance"
        WHERE "estateId" = $1 AND "workflowKey" = 'complaint' AND "stateValue" = 'closed' AND data ? 'returnVisit'
        ORDER BY "createdAt" LIMIT 1`,
      [sunshineId],
    );
    const oldest = rows[0];
    if (!oldest) throw new Error('no complaint called back');
    expect(oldest.reference).toMatch(new RegExp(`^TS-${localDate(oldest.createdAt.getTime()).replaceAll('-', '')}-\\d{4}$`));
    const view = await manager.get(`/api/instances/${oldest.id}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.timeline.map((entry: { type: string }) => entry.type)).toEqual(
      expect.arrayContaining(['start', 'ASSIGN', 'REPLY', 'RESOLVE', 'RETURN_VISIT']),
    );
    const times: number[] = view.body.timeline.map((entry: { at: string }) => Date.parse(entry.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('gives the estate its weekly plant-room rounds: walked checkpoint by checkpoint with readings, a few called off', async () => {
    const rounds = await sql<{ id: string; reference: string; stateValue: string; createdAt: Date }>(
      engine.databaseUrl,
      `SELECT id, reference, "stateValue", "createdAt" FROM "Instance" WHERE "estateId" = $1 AND "workflowKey" = 'inspection' ORDER BY "createdAt"`,
      [sunshineId],
    );
    expect(rounds.length).toBeGreaterThanOrEqual(17);
    expect(rounds.every((round) => round.stateValue === 'completed' || round.stateValue === 'skipped')).toBe(true);
    expect(rounds.filter((round) => round.stateValue === 'completed').length).toBeGreaterThan(14);
    const [first, second] = rounds;
    if (!first || !second) throw new Error('no rounds');
    expect(second.createdAt.getTime() - first.createdAt.getTime()).toBe(7 * 86_400_000);
    const walked = rounds.find((round) => round.stateValue === 'completed');
    if (!walked) throw new Error('no round walked');
    expect(walked.reference).toMatch(new RegExp(`^XJ-${localDate(walked.createdAt.getTime()).replaceAll('-', '')}-\\d{4}$`));
    const view = await manager.get(`/api/instances/${walked.id}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const types: string[] = view.body.timeline.map((entry: { type: string }) => entry.type);
    expect(types.filter((type) => type === 'CHECK_IN')).toHaveLength(5);
    expect(types.filter((type) => type === 'RECORD')).toHaveLength(5);
    const times: number[] = view.body.timeline.map((entry: { at: string }) => Date.parse(entry.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(JSON.stringify(view.body.data)).toContain('消防管网压力');
  });

  it("does not send the past's notifications now: the technicians' bells are not full of old news", async () => {
    const technician = await signInStaff(engine.url, logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    // What was delivered back then reads as read; a timer of a request still under way may add one or two.
    const notifications = await technician.get('/api/notifications');
    expect(notifications.status).toBe(200);
    expect(notifications.body.items.length).toBeGreaterThan(0);
    expect(notifications.body.unread).toBeLessThan(5);
  });

  it('gives every demo estate that runs repairs its past, numbered across the company, and every moved log still folds to its snapshot', async () => {
    // References are unique per company: two estates' repairs of one day once took the same number.
    expect(engine.output()).not.toMatch(/Demo seed step .* failed/);
    const admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
    const from = localDate(Date.now() - 120 * 86_400_000);
    const report = await admin.get(`/api/reports/summary?from=${from}&to=${localDate(Date.now())}&workflowKey=repair`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const estates: { name: string; created: number }[] = report.body.byEstate;
    expect(estates.length).toBeGreaterThan(1);
    for (const estate of estates) expect(estate.created, estate.name).toBeGreaterThan(10);

    const client = new Client({ connectionString: engine.databaseUrl });
    await client.connect();
    try {
      const folds = await checkLogsFold(client);
      expect(folds.problems).toEqual([]);
      expect(folds.instances).toBeGreaterThan(100);
    } finally {
      await client.end();
    }
  });
});
