import { describe, expect, it } from 'vitest';
import { AuditChainWalker, type StoredAuditRow } from './audit-chain';
import { AUDIT_GENESIS_HASH, type AuditRow, auditRowHash } from './audit.repository';

function chain(count: number): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  let prev = AUDIT_GENESIS_HASH;
  for (let index = 1; index <= count; index++) {
    const row: AuditRow = {
      companyId: null,
      estateId: null,
      actorKind: 'system',
      actorId: null,
      action: `test.${index}`,
      targetType: null,
      targetId: null,
      detail: { n: index },
      ip: null,
      createdAt: new Date(Date.UTC(2026, 0, index)),
    };
    const hash = auditRowHash(prev, row);
    rows.push({ ...row, id: String(index), prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('AuditChainWalker', () => {
  it('accepts an intact chain fed in batches', () => {
    const rows = chain(5);
    const walker = new AuditChainWalker();
    expect(walker.feed(rows.slice(0, 2))).toBeNull();
    expect(walker.feed(rows.slice(2))).toBeNull();
    expect(walker.rowsChecked).toBe(5);
  });

  it('names an edited row', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2]!, detail: { n: 99 } };
    expect(new AuditChainWalker().feed(rows)).toMatchObject({ kind: 'hash_mismatch', rowId: '3' });
  });

  it('names the row after a deleted one', () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(new AuditChainWalker().feed(rows)).toMatchObject({ kind: 'broken_link', rowId: '3' });
  });
});
