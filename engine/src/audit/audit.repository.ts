import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import { OwnerDatabase } from '../database/owner-database.service';
import { canonicalJson, type JsonValue } from './canonical-json';

/** prevHash of the first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  companyId: string | null;
  estateId: string | null;
  actorKind: 'staff' | 'person' | 'api_token' | 'system';
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: { [key: string]: JsonValue };
  ip: string | null;
  createdAt: Date;
}

/** What a row's hash covers: every column but id, prevHash and hash, in canonical JSON. */
export function auditRowHash(prevHash: string, row: AuditRow): string {
  const content: JsonValue = { ...row, createdAt: row.createdAt.toISOString() };
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

@Injectable()
export class AuditRepository {
  constructor(private readonly owner: OwnerDatabase) {}

  /** Appends one row to the chain; the advisory lock makes "read last hash, insert" atomic across processes. */
  async append(row: AuditRow): Promise<void> {
    // Owner: one chain runs through every company's rows, so appending reads the last row of any
    // company, and system rows have no company at all (the tenant policy would refuse them).
    const client = await this.owner.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.auditChain]);
      const last = await client.query<{ hash: string }>('SELECT "hash" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1');
      const prevHash = last.rows[0]?.hash ?? AUDIT_GENESIS_HASH;
      await client.query(
        `INSERT INTO "AuditLog" ("companyId", "estateId", "actorKind", "actorId", "action", "targetType", "targetId", "detail", "ip", "prevHash", "hash", "createdAt")
         VALUES ($1, $2, $3::"PrincipalKind", $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)`,
        [
          row.companyId,
          row.estateId,
          row.actorKind,
          row.actorId,
          row.action,
          row.targetType,
          row.targetId,
          JSON.stringify(row.detail),
          row.ip,
          prevHash,
          auditRowHash(prevHash, row),
          row.createdAt,
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
