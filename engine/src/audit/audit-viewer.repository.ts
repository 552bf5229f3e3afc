import { Injectable } from '@nestjs/common';
import { OwnerDatabase } from '../database/owner-database.service';
import { TenantDatabase } from '../database/tenant-database.service';
import type { StoredAuditRow } from './audit-chain';
import type { JsonValue } from './canonical-json';

export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  actor: { kind: string; id: string | null; name: string | null };
  estateId: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  ip: string | null;
}

export interface AuditFilter {
  companyId: string;
  /** Exact action, or a prefix ending in "." ("staff." = every staff action). */
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

function isJsonObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isActorKind(value: string): value is StoredAuditRow['actorKind'] {
  return value === 'staff' || value === 'person' || value === 'api_token' || value === 'system';
}

/**
 * Reading the audit log: the company's rows for the viewer (tenant database: row-level security
 * keeps other companies out), and the whole chain for `estateflow audit verify` (owner).
 */
@Injectable()
export class AuditViewerRepository {
  constructor(
    private readonly tenant: TenantDatabase,
    private readonly owner: OwnerDatabase,
  ) {}

  list(filter: AuditFilter): Promise<{ items: AuditEntryView[]; total: number }> {
    return this.tenant.transaction(filter.companyId, async (tx) => {
      const action =
        filter.action === undefined
          ? {}
          : filter.action.endsWith('.')
            ? { action: { startsWith: filter.action } }
            : { action: filter.action };
      const where = {
        companyId: filter.companyId,
        ...action,
        ...(filter.actorId === undefined ? {} : { actorId: filter.actorId }),
        ...(filter.from === undefined && filter.to === undefined
          ? {}
          : { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }),
      };
      const [rows, total] = await Promise.all([
        tx.auditLog.findMany({ where, orderBy: { id: 'desc' }, skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize }),
        tx.auditLog.count({ where }),
      ]);
      const staffIds = [...new Set(rows.flatMap((row) => (row.actorKind === 'staff' && row.actorId !== null ? [row.actorId] : [])))];
      const personIds = [...new Set(rows.flatMap((row) => (row.actorKind === 'person' && row.actorId !== null ? [row.actorId] : [])))];
      const [staff, people] = await Promise.all([
        tx.staffUser.findMany({ where: { companyId: filter.companyId, id: { in: staffIds } }, select: { id: true, name: true } }),
        tx.person.findMany({ where: { companyId: filter.companyId, id: { in: personIds } }, select: { id: true, name: true } }),
      ]);
      const names = new Map([...staff, ...people].map((actor) => [actor.id, actor.name]));
      return {
        total,
        items: rows.map((row) => ({
          id: row.id.toString(),
          at: row.createdAt.toISOString(),
          action: row.action,
          actor: { kind: row.actorKind, id: row.actorId, name: row.actorId === null ? null : (names.get(row.actorId) ?? null) },
          estateId: row.estateId,
          targetType: row.targetType,
          targetId: row.targetId,
          detail: row.detail,
          ip: row.ip,
        })),
      };
    });
  }

  /** One batch of the whole chain after `afterId`, in id order (owner connection: every company). */
  async chainBatch(input: { afterId: string; limit: number }): Promise<StoredAuditRow[]> {
    // Owner: the chain runs through every company's rows (and the system's, which have none).
    const result = await this.owner.pool.query<{
      id: string;
      companyId: string | null;
      estateId: string | null;
      actorKind: string;
      actorId: string | null;
      action: string;
      targetType: string | null;
      targetId: string | null;
      detail: unknown;
      ip: string | null;
      prevHash: string;
      hash: string;
      createdAt: Date;
    }>(
      `SELECT id::text AS id, "companyId", "estateId", "actorKind"::text AS "actorKind", "actorId", action, "targetType", "targetId", detail, ip, "prevHash", hash, "createdAt"
         FROM "AuditLog" WHERE id > $1::bigint ORDER BY id LIMIT $2`,
      [input.afterId, input.limit],
    );
    return result.rows.map((row) => ({
      ...row,
      actorKind: isActorKind(row.actorKind) ? row.actorKind : 'system',
      detail: isJsonObject(row.detail) ? row.detail : {},
    }));
  }
}
