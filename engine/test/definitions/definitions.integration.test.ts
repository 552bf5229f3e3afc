import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { repairFixture, signInStaff } from '../instances/workflow-setup';

let engine: EngineProcess;
let logins: DemoLogins;
let consultant: HttpClient;
let estateId: string;

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
  consultant = await signInStaff(engine.url, logins, { company: 'demo', email: 'consultant@demo.estateflow.cn' });
  estateId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
});
afterAll(async () => {
  await engine?.stop();
});

describe('a consultant designs, publishes and binds a workflow', () => {
  it('saves drafts with optimistic revisions and says who saved first', async () => {
    const created = await consultant.post('/api/definitions', { key: 'complaint-draft', name: '投诉' });
    expect(created.status).toBe(201);
    expect(created.body.draft.key).toBe('complaint-draft');
    const draft = { ...created.body.draft, description: { 'zh-CN': '第一版' } };
    const saved = await consultant.put(`/api/definitions/${created.body.id}/draft`, { draft, draftRevision: created.body.draftRevision });
    expect(saved.status).toBe(200);
    expect(saved.body.draftRevision).toBe(created.body.draftRevision + 1);
    const stale = await consultant.put(`/api/definitions/${created.body.id}/draft`, { draft, draftRevision: created.body.draftRevision });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.savedBy.name).toBe('钱顾问');
    expect(stale.body.error.details.savedAt).toBeTruthy();
  });

  it('reports a malformed or hostile definition instead of failing, and refuses to publish it', async () => {
    const hostile = repairFixture('hostile');
    const forms = { ...(hostile.forms as Record<string, { schema: Record<string, unknown> }>) };
    forms.report = {
      schema: {
        type: 'object',
        properties: { evil: { type: 'string', pattern: '(a+)+$' }, remote: { $ref: 'http://example.com/x.json' } },
      },
    };
    const created = await consultant.post('/api/definitions', { key: 'hostile', name: '恶意', definition: { ...hostile, forms } });
    expect(created.status).toBe(201);
    const lint = await consultant.post(`/api/definitions/${created.body.id}/lint`, {});
    expect(lint.status).toBe(200);
    expect(lint.body.findings.some((finding: { severity: string }) => finding.severity === 'error')).toBe(true);
    const refused = await consultant.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'try' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.findings.length).toBeGreaterThan(0);

    const malformed = await consultant.post(`/api/definitions/${created.body.id}/lint`, { draft: { formatVersion: 2, machine: 'nope' } });
    expect(malformed.status).toBe(200);
    expect(malformed.body.findings[0].severity).toBe('error');
  });

  it('publishes immutable numbered versions with checksums, diffs them, and binds one with validated parameters', async () => {
    const created = await consultant.post('/api/definitions', { key: 'repair-v', name: '报修', definition: repairFixture('repair-v') });
    const id = created.body.id;
    expect((await consultant.post(`/api/definitions/${id}/publish`, { changeNote: 'v1' })).body.version).toBe(1);
    const changed = repairFixture('repair-v');
    changed.description = { 'zh-CN': '第二版' };
    expect(
      (await consultant.put(`/api/definitions/${id}/draft`, { draft: changed, draftRevision: created.body.draftRevision })).status,
    ).toBe(200);
    expect((await consultant.post(`/api/definitions/${id}/publish`, { changeNote: 'v2' })).body.version).toBe(2);
    const first = await consultant.get(`/api/definitions/${id}/versions/1`);
    expect(first.body.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.definition.description).toEqual(repairFixture().description);
    const diff = await consultant.get(`/api/definitions/${id}/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body.from).toBe(1);

    const bad = await consultant.put(`/api/estates/${estateId}/bindings/repair-v`, {
      definitionId: id,
      version: 2,
      parameters: { respondMinutesNormal: 'soon', autoConfirmHours: 0 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields[0].message['zh-CN']).toBeTruthy();
    const good = await consultant.put(`/api/estates/${estateId}/bindings/repair-v`, {
      definitionId: id,
      version: 2,
      parameters: { respondMinutesNormal: 60 },
    });
    expect(good.status).toBe(200);
    const listed = await consultant.get(`/api/estates/${estateId}/bindings`);
    expect(listed.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ workflowKey: 'repair-v', version: 2, parameters: { respondMinutesNormal: 60 } })]),
    );
    // One binding, with what its instances run with: the estate's value, and the defaults for the rest.
    const one = await consultant.get(`/api/estates/${estateId}/bindings/repair-v`);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body).toMatchObject({ workflowKey: 'repair-v', version: 2, parameters: { respondMinutesNormal: 60 } });
    expect(one.body.resolvedParameters).toMatchObject({ respondMinutesNormal: 60, autoConfirmHours: expect.any(Number) });
    expect((await consultant.get(`/api/estates/${estateId}/bindings/not-bound-here`)).status).toBe(404);
    const summaries = await consultant.get('/api/definitions?q=repair-v');
    expect(summaries.body[0]).toMatchObject({ key: 'repair-v', latestVersion: 2 });
  });

  it('lets only designers edit and estate managers bind their own estate', async () => {
    const technician = await signInStaff(engine.url, logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    expect((await technician.post('/api/definitions', { key: 'nope', name: 'x' })).status).toBe(403);
    expect((await technician.get('/api/definitions')).status).toBe(403);
    const galaxyManager = await signInStaff(engine.url, logins, { company: 'demo', email: 'manager.galaxy@demo.estateflow.cn' });
    const created = await consultant.post('/api/definitions', { key: 'repair-m', name: '报修', definition: repairFixture('repair-m') });
    await consultant.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'v1' });
    expect(
      (await galaxyManager.put(`/api/estates/${estateId}/bindings/repair-m`, { definitionId: created.body.id, version: 1, parameters: {} }))
        .status,
    ).toBe(404);
    const manager = await signInStaff(engine.url, logins, { company: 'demo', email: 'manager@demo.estateflow.cn' });
    expect(
      (await manager.put(`/api/estates/${estateId}/bindings/repair-m`, { definitionId: created.body.id, version: 1, parameters: {} }))
        .status,
    ).toBe(200);
    expect((await consultant.post(`/api/definitions/${created.body.id}/archive`)).body.status).toBe('archived');
    expect((await consultant.post(`/api/definitions/${created.body.id}/duplicate`, { key: 'repair-m2' })).status).toBe(201);
  });
});
