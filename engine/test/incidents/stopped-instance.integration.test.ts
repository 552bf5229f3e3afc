import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { sql } from '../jobs/probe-workflow';

let engine: EngineProcess;
let setup: RepairSetup;
let desk: HttpClient;
let manager: HttpClient;
let technicianId: string;

beforeAll(async () => {
  engine = await startEngine();
  setup = await publishAndBindRepair(engine.url, engine.dataDir);
  desk = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
  manager = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'manager@demo.estateflow.cn' });
  technicianId = (await desk.get(`/api/estates/${setup.estateId}/staff?role=technician`)).body[0].id;
});
afterAll(async () => {
  await engine?.stop();
});

/** Starts a repair, damages its stored snapshot and lets the event pipeline stop it; returns the instance and its incident. */
async function stoppedRepair(): Promise<{ id: string; incidentId: string; fingerprint: string }> {
  const started = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
  expect(started.status).toBe(201);
  const id: string = started.body.id;
  const [row] = await sql<{ fingerprint: string }>(
    engine.databaseUrl,
    `SELECT snapshot->>'fingerprint' AS fingerprint FROM "Instance" WHERE id = $1`,
    [id],
  );
  await sql(engine.databaseUrl, `UPDATE "Instance" SET snapshot = jsonb_set(snapshot, '{fingerprint}', '"tampered"') WHERE id = $1`, [id]);
  expect((await desk.post(`/api/instances/${id}/events`, { type: 'DISPATCH', data: { technicianId } })).status).toBe(409);
  const incidents = await manager.get('/api/incidents?status=open');
  const incident = incidents.body.items.find((item: { instance: { id: string } | null }) => item.instance?.id === id);
  expect(incident).toMatchObject({ kind: 'incompatible_snapshot', jobId: null, status: 'open' });
  return { id, incidentId: incident.id, fingerprint: row?.fingerprint ?? '' };
}

describe('resolving an incident that stopped a request', () => {
  it('reactivates only once the stored snapshot reads again, then the request runs on', async () => {
    const { id, incidentId, fingerprint } = await stoppedRepair();
    const bare = await manager.post(`/api/incidents/${incidentId}/resolve`);
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fields[0].field).toBe('action');

    const tooEarly = await manager.post(`/api/incidents/${incidentId}/resolve`, { action: 'reactivate', comment: '试试看' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.message).toContain('cannot run again');
    expect((await desk.get(`/api/instances/${id}`)).body.status).toBe('incident');

    // An administrator repairs the stored state; now it may run again.
    await sql(
      engine.databaseUrl,
      `UPDATE "Instance" SET snapshot = jsonb_set(snapshot, '{fingerprint}', to_jsonb($2::text)) WHERE id = $1`,
      [id, fingerprint],
    );
    const reactivated = await manager.post(`/api/incidents/${incidentId}/resolve`, { action: 'reactivate', comment: '已修复快照' });
    expect(reactivated.status, JSON.stringify(reactivated.body)).toBe(200);
    expect(reactivated.body.status).toBe('resolved');
    const dispatched = await desk.post(`/api/instances/${id}/events`, { type: 'DISPATCH', data: { technicianId } });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    expect(dispatched.body.state).toBe('dispatched');
    expect((await manager.post(`/api/incidents/${incidentId}/resolve`, { action: 'cancel' })).status).toBe(409);
  });

  it('cancels the stopped request: it stays cancelled, its tasks close, and the decision is audited', async () => {
    const { id, incidentId } = await stoppedRepair();
    const cancelled = await manager.post(`/api/incidents/${incidentId}/resolve`, { action: 'cancel', comment: '业主已撤销，快照无法恢复' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('resolved');
    const view = await desk.get(`/api/instances/${id}`);
    expect(view.body.status).toBe('cancelled');
    expect(view.body.tasks).toEqual([]);
    expect(view.body.timeline.at(-1)).toMatchObject({ type: 'estateflow.cancelled', comment: '业主已撤销，快照无法恢复' });
    // Reading it again does not turn it back into an incident.
    expect((await desk.get(`/api/instances/${id}`)).body.status).toBe('cancelled');
    const open = await manager.get('/api/incidents?status=open');
    expect(open.body.items.map((item: { id: string }) => item.id)).not.toContain(incidentId);

    const audit = await setup.admin.get('/api/audit?action=incident.');
    expect(audit.body.items[0]).toMatchObject({
      action: 'incident.cancel_instance',
      targetId: id,
      detail: { incidentId, comment: '业主已撤销，快照无法恢复' },
    });
    // Staff who do not handle incidents do not even learn it exists.
    expect((await desk.post(`/api/incidents/${incidentId}/resolve`, { action: 'cancel' })).status).toBe(404);
  });
});
