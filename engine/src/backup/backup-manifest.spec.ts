import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupFormatError, checkManifest, readManifest } from './backup-manifest';

const SHA = 'a'.repeat(64);

const file = (name: string, rows = 2) => ({ file: `tables/${name}`, rows, sha256: SHA });

/** What the writer writes today: format 2, here an incremental backup. */
function manifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    kind: 'incremental',
    base: 'estateflow-20261121T030000Z',
    createdAt: '2026-11-22T03:00:00.000Z',
    engineVersion: '0.1.0',
    postgresVersion: '17.10',
    migrations: [{ name: '20261122000246_init', checksum: SHA }],
    tables: [
      {
        name: 'Company',
        rows: 2,
        sha256: SHA,
        data: file('Company.jsonl.gz', 1),
        deleted: file('Company.deleted.gz', 0),
        index: file('Company.index.gz'),
      },
    ],
    sequences: [{ name: 'public."Job_id_seq"', lastValue: '42' }],
    uploads: [{ key: `ab/${'c'.repeat(32)}`, bytes: 10, sha256: SHA }],
    missingUploads: [],
    dataKeys: ['8cf1a207fed0'],
    ...overrides,
  };
}

describe('the backup manifest', () => {
  it('accepts what the writer writes', () => {
    const read = checkManifest(manifest());
    expect(read.kind).toBe('incremental');
    expect(read.base).toBe('estateflow-20261121T030000Z');
    expect(read.tables[0]?.data.rows).toBe(1);
  });

  it('reads a backup of format 1 as a full backup, its table files holding every row', () => {
    const read = checkManifest({
      ...manifest({ formatVersion: 1, tables: [{ name: 'Company', rows: 2, file: 'tables/Company.jsonl.gz', sha256: SHA }] }),
      kind: undefined,
      base: undefined,
    });
    expect(read.kind).toBe('full');
    expect(read.base).toBeNull();
    expect(read.tables[0]).toEqual({
      name: 'Company',
      rows: 2,
      sha256: SHA,
      data: { file: 'tables/Company.jsonl.gz', rows: 2, sha256: SHA },
      deleted: null,
      index: null,
    });
  });

  const table = (data: unknown) => [{ name: 'Company', rows: 1, sha256: SHA, data, deleted: file('x.gz', 0), index: file('i.gz') }];
  it.each([
    [{ format: 'pg_dump' }, 'is not an EstateFlow backup manifest'],
    [{ formatVersion: 3 }, 'format version 3; this EstateFlow reads versions 1 and 2'],
    [{ kind: 'differential' }, 'kind must be "full" or "incremental"'],
    [{ base: '../elsewhere' }, 'base must be the name of the backup an incremental one builds on'],
    [{ tables: [{ name: 'Company', rows: -1, sha256: SHA, data: file('c.gz') }] }, 'tables[0].rows must be a whole number'],
    [{ tables: table(file('../../etc/passwd')) }, 'tables[0].data.file must be a path inside the backup'],
    [{ tables: table({ file: '/etc/passwd', rows: 1, sha256: SHA }) }, 'tables[0].data.file must be a path inside the backup'],
    [{ tables: [{ name: 'Company', rows: 1, sha256: SHA, data: file('c.gz'), index: file('i.gz') }] }, 'tables[0].deleted must be'],
    [{ uploads: [{ key: '../x', bytes: 1, sha256: SHA }] }, 'uploads[0].key must be a storage key'],
    [{ sequences: [{ name: 'x', lastValue: '1; DROP TABLE "Job"' }] }, 'sequences[0].lastValue must be null or a whole number'],
    [{ migrations: [{ name: '20261122000246_init', checksum: 'nope' }] }, 'migrations[0].checksum must be a sha256'],
    [{ dataKeys: 'all' }, 'dataKeys must be a list of key ids'],
  ])('refuses %j, naming the field', (overrides, message) => {
    expect(() => checkManifest(manifest(overrides))).toThrow(BackupFormatError);
    expect(() => checkManifest(manifest(overrides))).toThrow(message);
  });

  it('says when a folder is not a finished backup', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-manifest-'));
    expect(() => readManifest(path.join(folder, 'nowhere'))).toThrow('is not a folder');
    expect(() => readManifest(folder)).toThrow('has no manifest.json: it is not a backup, or its backup did not finish');
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{"format":');
    expect(() => readManifest(folder)).toThrow('manifest.json is not valid JSON');
  });
});
