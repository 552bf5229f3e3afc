import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PackError } from './pack-problem';
import { PACK_LIMITS } from './pack-limits';
import { unsafeEntryReason } from './pack-files';
import { findSchemaHazards } from './schema-safety';
import { readPackArchive, writePackArchive } from './tar-archive';
import { unsafeTemplateReason } from './template-safety';
import { splitWorkflow } from './workflow-layout';

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error: unknown) {
    if (error instanceof PackError) return error.problems.map((problem) => `${problem.file}: ${problem.reason}`).join('; ');
    throw error;
  }
  return 'accepted';
}

describe('pack archives', () => {
  it('round-trip files, long names included, byte for byte and in a stable order', () => {
    const long = `workflows/repair/scenarios/${'a-very-long-scenario-name-'.repeat(5)}x.json`;
    const files = new Map([
      ['pack.json', Buffer.from('{}')],
      [long, Buffer.from('{"name":"长名字"}')],
      ['README.md', Buffer.alloc(0)],
    ]);
    const archive = writePackArchive(files);
    expect(readPackArchive(archive)).toEqual(files);
    expect(writePackArchive(new Map([...files].reverse()))).toEqual(archive);
  });

  it('refuse more entries or bytes than a pack may hold, before reading them', () => {
    const many = new Map(Array.from({ length: PACK_LIMITS.maxEntries + 1 }, (_, index) => [`f${index}.json`, Buffer.from('1')]));
    expect(refusal(() => readPackArchive(writePackArchive(many)))).toMatch(/more than 2000 entries/);
    const huge = new Map([['big.json', Buffer.alloc(PACK_LIMITS.maxFileBytes + 1, 0x20)]]);
    expect(refusal(() => readPackArchive(writePackArchive(huge)))).toMatch(/larger than/);
    // A gzip bomb: a few KB that would unpack to more than the whole pack may hold.
    const bomb = gzipSync(Buffer.alloc(PACK_LIMITS.maxTotalBytes + PACK_LIMITS.maxEntries * 1536 + 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(() => readPackArchive(bomb))).toMatch(/unpacks to more than/);
  });

  it('refuse links and devices', () => {
    const tar = Buffer.from(gunzipSync(writePackArchive(new Map([['a.json', Buffer.from('{}')]]))));
    for (const type of ['1', '2', '3', '6']) {
      const copy = Buffer.from(tar);
      copy.write(type, 156, 'ascii');
      copy.write('        ', 148, 'ascii');
      copy.write(
        `${copy
          .subarray(0, 512)
          .reduce((sum, byte) => sum + byte, 0)
          .toString(8)
          .padStart(6, '0')}\0 `,
        148,
        'ascii',
      );
      expect(refusal(() => readPackArchive(gzipSync(copy)))).toMatch(/a\.json: (links are not allowed|entry type)/);
    }
  });
});

describe('entry names', () => {
  it.each([
    ['../x.json', /outside the pack/],
    ['workflows/../../x', /outside the pack/],
    ['/etc/passwd', /absolute/],
    ['C:/x.json', /absolute/],
    ['a\\b.json', /backslash/],
    ['a//b.json', /empty/],
    ['./a.json', /"\."/],
    ['a/.hidden', /characters/],
  ])('refuses %s', (name, reason) => {
    expect(unsafeEntryReason(name)).toMatch(reason);
  });

  it('accepts the pack layout', () => {
    expect(unsafeEntryReason('workflows/move-in/notifications/zh-CN.json')).toBeNull();
  });
});

describe('templates from packs', () => {
  it.each([
    ['{{{data.x}}}', /triple-stash/],
    ['{{&data.x}}', /unescaped/],
    ['{{> header}}', /partials/],
    ['{{data.__proto__}}', /prototype/],
    ['{{lookup data "constructor"}}', /prototype/],
    ['{{#if}}', /not a valid Handlebars template/],
  ])('refuses %s', (template, reason) => {
    expect(unsafeTemplateReason(template)).toMatch(reason);
  });

  it('accepts ordinary templates', () => {
    expect(unsafeTemplateReason('{{instance.reference}} 已派单{{#if data.note}}：{{data.note}}{{/if}}')).toBeNull();
  });
});

describe('schemas from packs', () => {
  it('finds refs to files and URLs and runtime keywords, wherever they sit', () => {
    const hazards = findSchemaHazards({
      properties: { a: { $ref: '#/definitions/a' }, b: { items: [{ $ref: 'other.json#/x' }] }, c: { $data: '1/a' } },
    });
    expect(hazards).toEqual([
      { path: '/properties/b/items/0/$ref', reason: expect.stringMatching(/only references inside the same schema/) },
      { path: '/properties/c/$data', reason: '"$data" is not allowed in a pack schema' },
    ]);
  });
});

describe('the folder layout', () => {
  it('splits a definition into its files', () => {
    const files = splitWorkflow({
      key: 'repair',
      machine: {},
      forms: { start: { schema: {} } },
      parameters: { type: 'object' },
      notifications: { done: { 'zh-CN': { title: 't', body: 'b' }, en: { title: 'T', body: 'B' } } },
      tests: [{ name: 'Happy path!' }],
    });
    expect([...files.keys()]).toEqual([
      'workflows/repair/definition.json',
      'workflows/repair/parameters.json',
      'workflows/repair/forms/start.json',
      'workflows/repair/notifications/zh-CN.json',
      'workflows/repair/notifications/en.json',
      'workflows/repair/scenarios/happy-path.json',
    ]);
    expect(files.get('workflows/repair/definition.json')).toEqual({ key: 'repair', machine: {} });
  });
});
