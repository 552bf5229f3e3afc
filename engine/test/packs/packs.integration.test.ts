import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { signInStaff } from '../instances/workflow-setup';
import { readPackArchive } from '../../src/packs/format/tar-archive';
import { archiveOf, readJson, repairPackFiles, reseal, withTamperedEntry, writeJson } from './pack-fixtures';

let engine: EngineProcess;
let logins: DemoLogins;
let admin: HttpClient;
let token: string;
let sunshineId: string;
let starRiverId: string;

const STATE_FILE = 'workflows/repair/definition.json';
const START_FORM = 'workflows/repair/forms/start.json';
const PARAMETERS = 'workflows/repair/parameters.json';

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
  admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  const created = await admin.post('/api/auth/tokens', { name: 'pack tests' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  token = created.body.token;
  const estates = logins.companies.find((company) => company.code === 'demo')?.estates ?? [];
  sunshineId = estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  starRiverId = estates.find((estate) => estate.code !== 'sunshine')?.id ?? '';
});
afterAll(async () => {
  await engine?.stop();
});

function upload(archive: Buffer, query = ''): Promise<{ status: number; body: any }> {
  return fetch(`${engine.url}/api/packs/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
    body: archive,
  }).then(async (response) => ({ status: response.status, body: await response.json() }));
}

async function repairVersions(): Promise<number[]> {
  const list = await admin.get('/api/definitions');
  const repair = list.body.find((definition: { key: string }) => definition.key === 'repair');
  const detail = await admin.get(`/api/definitions/${repair.id}`);
  return detail.body.versions.map((version: { version: number }) => version.version);
}

describe('the demo company on first start', () => {
  it('has the five built-in workflows, each bound to every demo estate', async () => {
    const list = await admin.get('/api/definitions');
    expect(list.status).toBe(200);
    const keys = list.body.map((definition: { key: string }) => definition.key);
    expect(keys).toEqual(expect.arrayContaining(['repair', 'inspection', 'complaint', 'move-in', 'renovation']));
    for (const estateId of [sunshineId, starRiverId]) {
      const bindings = await admin.get(`/api/estates/${estateId}/bindings`);
      expect(bindings.body.map((binding: { workflowKey: string }) => binding.workflowKey).sort()).toEqual(
        expect.arrayContaining(['complaint', 'inspection', 'move-in', 'renovation', 'repair']),
      );
    }
    const repair = await admin.get(
      `/api/definitions/${list.body.find((definition: { key: string }) => definition.key === 'repair').id}/versions/1`,
    );
    expect(repair.body.changeNote).toBe('Imported from pack repair@1.1.0');
    const schedules = await admin.get(`/api/estates/${sunshineId}/schedules`);
    expect(schedules.body).toEqual([
      expect.objectContaining({ workflowKey: 'inspection', name: '设备巡检', rule: { every: 'day', at: '09:00' }, active: false }),
    ]);
  });
});

describe('importing a pack', () => {
  it('re-importing the same version changes nothing', async () => {
    const imported = await upload(archiveOf(repairPackFiles()), `?estateId=${sunshineId}`);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.workflows).toEqual([expect.objectContaining({ key: 'repair', version: 1, status: 'unchanged' })]);
    expect(imported.body.bindings).toEqual([expect.objectContaining({ workflowKey: 'repair', version: 1, status: 'kept' })]);
    expect(await repairVersions()).toEqual([1]);
  });

  const hostile: { name: string; archive: () => Buffer; file: string | RegExp; path?: string; reason: RegExp }[] = [
    {
      name: 'a file whose checksum does not match pack.json',
      archive: () => {
        const files = reseal(repairPackFiles(), { version: '1.9.0' });
        files.set('README.md', Buffer.from('# changed after sealing\n'));
        return archiveOf(files);
      },
      file: 'README.md',
      reason: /checksum mismatch/,
    },
    {
      name: 'an engine range this engine is not in',
      archive: () => archiveOf(reseal(repairPackFiles(), { version: '1.9.0', engine: '>=9.0.0' })),
      file: 'pack.json',
      path: '/engine',
      reason: /needs engine >=9\.0\.0/,
    },
    {
      name: 'an engine range that is not semver',
      archive: () => archiveOf(reseal(repairPackFiles(), { version: '1.9.0', engine: 'the newest' })),
      file: 'pack.json',
      path: '/engine',
      reason: /not a semver range/,
    },
    {
      name: 'a broken form schema',
      archive: () => {
        const files = repairPackFiles();
        const form = readJson(files, START_FORM);
        form.schema.properties.description.minLength = 'two';
        writeJson(files, START_FORM, form);
        return archiveOf(reseal(files, { version: '1.9.0' }));
      },
      file: START_FORM,
      reason: /minLength|schema/,
    },
    {
      name: 'a form $ref to a file',
      archive: () => {
        const files = repairPackFiles();
        const form = readJson(files, START_FORM);
        form.schema.properties.description = { $ref: 'file:///etc/passwd' };
        writeJson(files, START_FORM, form);
        return archiveOf(reseal(files, { version: '1.9.0' }));
      },
      file: START_FORM,
      path: '/schema/properties/description/$ref',
      reason: /only references inside the same schema/,
    },
    {
      name: 'a parameters $ref to a URL',
      archive: () => {
        const files = repairPackFiles();
        const parameters = readJson(files, PARAMETERS);
        parameters.properties.autoConfirmHours = { $ref: 'https://evil.example.com/schema.json' };
        writeJson(files, PARAMETERS, parameters);
        return archiveOf(reseal(files, { version: '1.9.0' }));
      },
      file: PARAMETERS,
      path: '/properties/autoConfirmHours/$ref',
      reason: /only references inside the same schema/,
    },
    {
      name: 'a notification reaching for a prototype',
      archive: () => {
        const files = repairPackFiles();
        const texts = readJson(files, 'workflows/repair/notifications/en.json');
        texts.received.body = '{{instance.constructor.name}}';
        writeJson(files, 'workflows/repair/notifications/en.json', texts);
        return archiveOf(reseal(files, { version: '1.9.0' }));
      },
      file: 'workflows/repair/notifications/en.json',
      path: '/received/body',
      reason: /prototype/,
    },
    {
      name: 'a notification with triple-stash',
      archive: () => {
        const files = repairPackFiles();
        const texts = readJson(files, 'workflows/repair/notifications/zh-CN.json');
        texts.received.body = '{{{data.description}}}';
        writeJson(files, 'workflows/repair/notifications/zh-CN.json', texts);
        return archiveOf(reseal(files, { version: '1.9.0' }));
      },
      file: 'workflows/repair/notifications/zh-CN.json',
      path: '/received/body',
      reason: /triple-stash/,
    },
    {
      name: 'a definition key with __proto__',
      archive: () => {
        const files = repairPackFiles();
        files.set(
          STATE_FILE,
          Buffer.from(
            files
              .get(STATE_FILE)
              ?.toString('utf8')
              .replace('"formatVersion": 1,', '"formatVersion": 1, "__proto__": { "polluted": true },') ?? '',
          ),
        );
        return archiveOf(reseal(files, { version: '1.9.0' }));
      },
      file: STATE_FILE,
      reason: /prototype/,
    },
    {
      name: 'an archive entry with ".."',
      archive: () =>
        withTamperedEntry(archiveOf(reseal(repairPackFiles(), { version: '1.9.0' })), 'README.md', { name: '../../README.md' }),
      file: '../../README.md',
      reason: /outside the pack/,
    },
    {
      name: 'an archive entry with an absolute path',
      archive: () =>
        withTamperedEntry(archiveOf(reseal(repairPackFiles(), { version: '1.9.0' })), 'README.md', { name: '/etc/cron.d/evil' }),
      file: '/etc/cron.d/evil',
      reason: /absolute path/,
    },
    {
      name: 'an archive entry that is a symbolic link',
      archive: () =>
        withTamperedEntry(archiveOf(reseal(repairPackFiles(), { version: '1.9.0' })), 'README.md', {
          type: '2',
          linkTarget: '/etc/passwd',
        }),
      file: 'README.md',
      reason: /links are not allowed/,
    },
    {
      name: 'something that is not an archive',
      archive: () => Buffer.from('PK\u0003\u0004 not a tgz'),
      file: '(archive)',
      reason: /not a gzip-compressed tar/,
    },
  ];

  it.each(hostile)('refuses $name, saying what and where, and imports nothing', async ({ archive, file, path, reason }) => {
    const before = await repairVersions();
    const refused = await upload(archive(), `?estateId=${sunshineId}`);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    const problems: { file: string; path: string; reason: string }[] = refused.body.error.details.problems;
    const matching = problems.find(
      (problem) => (typeof file === 'string' ? problem.file === file : file.test(problem.file)) && reason.test(problem.reason),
    );
    expect(matching, JSON.stringify(problems)).toBeDefined();
    if (path !== undefined) expect(matching?.path).toBe(path);
    expect(refused.body.error.message).toMatch(/nothing was imported/);
    expect(await repairVersions()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a changed pack that reuses a version number already imported', async () => {
    const files = repairPackFiles();
    const parameters = readJson(files, PARAMETERS);
    parameters.properties.autoConfirmHours.default = 24;
    writeJson(files, PARAMETERS, parameters);
    const clash = await upload(archiveOf(reseal(files)));
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/repair@1\.1\.0 was already imported with different content/);
    expect(await repairVersions()).toEqual([1]);
  });
});

describe('upgrading an estate to a new pack version', () => {
  it('keeps the estate on v1 until upgraded, then merges its parameters three ways and moves running instances', async () => {
    // The estate tunes two parameters of v1.
    const bindings = await admin.get(`/api/estates/${sunshineId}/bindings`);
    const repairBinding = bindings.body.find((binding: { workflowKey: string }) => binding.workflowKey === 'repair');
    const tuned = await admin.put(`/api/estates/${sunshineId}/bindings/repair`, {
      definitionId: repairBinding.definitionId,
      version: 1,
      parameters: { respondMinutesNormal: 90, acceptMinutes: 12 },
    });
    expect(tuned.status, JSON.stringify(tuned.body)).toBe(200);

    // v1.2.0 changes two defaults: one the estate kept as it was (autoConfirmHours), one it had tuned (acceptMinutes).
    const files = repairPackFiles();
    const parameters = readJson(files, PARAMETERS);
    parameters.properties.autoConfirmHours.default = 48;
    parameters.properties.acceptMinutes.default = 15;
    writeJson(files, PARAMETERS, parameters);
    const imported = await upload(archiveOf(reseal(files, { version: '1.2.0' })), `?estateId=${sunshineId}`);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.workflows).toEqual([expect.objectContaining({ key: 'repair', version: 2, status: 'imported' })]);
    expect(imported.body.bindings).toEqual([expect.objectContaining({ status: 'kept', version: 1 })]);
    expect(await repairVersions()).toEqual([1, 2]);

    // A work order running on v1.
    const frontDesk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const units = await frontDesk.get(`/api/estates/${sunshineId}/units?q=`);
    const unitId = units.body[0]?.id ?? units.body.items?.[0]?.id;
    const started = await frontDesk.post(`/api/estates/${sunshineId}/instances`, {
      workflowKey: 'repair',
      unitId,
      data: {
        locationType: 'unit',
        unitId,
        category: 'plumbing_electric',
        description: '厨房水龙头漏水',
        urgency: 'normal',
        contactPhone: '13800138000',
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);

    const body = { workflowKey: 'repair', toVersion: 2, instances: 'migrate' };
    const preview = await admin.post(`/api/estates/${sunshineId}/upgrade/preview`, body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.applied).toBe(false);
    expect(preview.body.from.version).toBe(1);
    expect(preview.body.to).toEqual({ version: 2, packVersion: '1.2.0' });
    expect(preview.body.parameters.values).toEqual({ respondMinutesNormal: 90, acceptMinutes: 12 });
    const outcome = Object.fromEntries(
      preview.body.parameters.changes.map((change: { name: string; outcome: string }) => [change.name, change.outcome]),
    );
    expect(outcome).toMatchObject({ respondMinutesNormal: 'kept', acceptMinutes: 'conflict', autoConfirmHours: 'default' });
    expect(preview.body.parameters.conflicts).toEqual([{ name: 'acceptMinutes', outcome: 'conflict', base: 10, estate: 12, next: 15 }]);
    expect(preview.body.instances.items).toEqual([
      expect.objectContaining({ id: started.body.id, state: 'submitted.onTime', to: 'submitted.onTime' }),
    ]);
    const stillV1 = await admin.get(`/api/estates/${sunshineId}/bindings`);
    expect(stillV1.body.find((binding: { workflowKey: string }) => binding.workflowKey === 'repair').version).toBe(1);

    const applied = await admin.post(`/api/estates/${sunshineId}/upgrade/apply`, body);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, migrated: 1 });
    const after = await admin.get(`/api/estates/${sunshineId}/bindings`);
    const upgraded = after.body.find((binding: { workflowKey: string }) => binding.workflowKey === 'repair');
    expect(upgraded.version).toBe(2);
    expect(upgraded.parameters).toEqual({ respondMinutesNormal: 90, acceptMinutes: 12 });
    const other = await admin.get(`/api/estates/${starRiverId}/bindings`);
    expect(other.body.find((binding: { workflowKey: string }) => binding.workflowKey === 'repair').version).toBe(1);

    const moved = await frontDesk.get(`/api/instances/${started.body.id}`);
    expect(moved.status).toBe(200);
    expect(moved.body.version).toBe(started.body.version + 1);
    expect(moved.body.state).toBe('submitted.onTime');
    const dispatched = await frontDesk.post(`/api/instances/${started.body.id}/events`, { type: 'CANCEL', data: { reason: '测试' } });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBeLessThan(300);
  });
});

describe('exporting what an estate runs', () => {
  it('gives a valid pack whose parameter defaults are the estate’s values', async () => {
    const response = await fetch(`${engine.url}/api/packs/export?workflowKey=repair&estateId=${sunshineId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/gzip/);
    const files = readPackArchive(Buffer.from(await response.arrayBuffer()));
    const manifest = readJson(files, 'pack.json');
    expect(manifest.name).toBe('repair');
    expect(manifest.version).toBe('1.2.0-sunshine.v2');
    expect(readJson(files, PARAMETERS).properties.respondMinutesNormal.default).toBe(90);
    const again = await upload(Buffer.from(archiveOf(files)));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.workflows[0]).toMatchObject({ key: 'repair', status: 'imported', version: 3 });
  });

  it('is a 404 for an estate of another company', async () => {
    const other = logins.companies.find((company) => company.code !== 'demo')?.estates[0]?.id;
    const response = await fetch(`${engine.url}/api/packs/export?workflowKey=repair&estateId=${other}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
  });
});
