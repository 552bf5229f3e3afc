import { AUDIT_GENESIS_HASH, type AuditRow, auditRowHash } from './audit.repository';

export interface StoredAuditRow extends AuditRow {
  id: string;
  prevHash: string;
  hash: string;
}

export type ChainProblem =
  { kind: 'hash_mismatch'; rowId: string; message: string } | { kind: 'broken_link'; rowId: string; message: string };

/**
 * Walks the chain incrementally (rows in id order, in batches): each row must point at the hash
 * of the row before it, and its own hash must be what its content hashes to. The first problem
 * names the row; an edited row shows as a hash mismatch, a deleted or inserted one as a broken link.
 */
export class AuditChainWalker {
  private previous = AUDIT_GENESIS_HASH;
  private checked = 0;

  /** Returns the first problem in this batch, or null. */
  feed(rows: StoredAuditRow[]): ChainProblem | null {
    for (const row of rows) {
      if (row.prevHash !== this.previous) {
        return {
          kind: 'broken_link',
          rowId: row.id,
          message: `audit row ${row.id} does not follow the row before it (a row was removed, inserted or re-chained before it).`,
        };
      }
      const { id: _id, prevHash, hash, ...content } = row;
      if (auditRowHash(prevHash, content) !== hash) {
        return {
          kind: 'hash_mismatch',
          rowId: row.id,
          message: `audit row ${row.id} (${row.action} at ${row.createdAt.toISOString()}) was changed after it was written.`,
        };
      }
      this.previous = hash;
      this.checked++;
    }
    return null;
  }

  get rowsChecked(): number {
    return this.checked;
  }

  get lastHash(): string {
    return this.previous;
  }
}
