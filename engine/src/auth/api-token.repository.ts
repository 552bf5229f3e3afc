import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';
import type { StaffRole } from '../generated/prisma/enums';
import type { Principal } from './principal';

export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  createdBy: { id: string; name: string } | null;
}

@Injectable()
export class ApiTokenRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly owner: OwnerDatabase,
  ) {}

  /** The principal an API token acts as: its creator, while the creator is active. One round trip. */
  async principalForToken(tokenHash: string): Promise<Principal | null> {
    // Owner: the bearer token is all there is before this; the token tells the request its company.
    const result = await this.owner.pool.query<{
      id: string;
      companyId: string;
      userId: string;
      name: string;
      roles: { estateId: string | null; role: StaffRole }[] | null;
      stale: boolean;
    }>(
      `SELECT t."id", t."companyId", u."id" AS "userId", t."name",
              (SELECT json_agg(json_build_object('estateId', r."estateId", 'role', r."role"))
                 FROM "RoleAssignment" r WHERE r."staffUserId" = u."id" AND r."companyId" = t."companyId") AS "roles",
              (t."lastUsedAt" IS NULL OR t."lastUsedAt" < now() - interval '1 minute') AS "stale"
         FROM "ApiToken" t JOIN "StaffUser" u ON u."id" = t."createdById" AND u."companyId" = t."companyId" AND u."active"
        WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL`,
      [tokenHash],
    );
    const row = result.rows[0];
    if (!row) return null;
    // lastUsedAt is for people deciding what to revoke; minute precision is plenty and spares a write per request.
    if (row.stale)
      void this.owner.pool.query('UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE "id" = $1', [row.id]).catch(() => undefined);
    return { kind: 'api_token', tokenId: row.id, userId: row.userId, companyId: row.companyId, name: row.name, roles: row.roles ?? [] };
  }

  async create(input: {
    companyId: string;
    name: string;
    tokenHash: string;
    createdById: string;
  }): Promise<{ id: string; name: string; createdAt: Date }> {
    return this.database.prisma.apiToken.create({ data: input, select: { id: true, name: true, createdAt: true } });
  }

  async list(companyId: string): Promise<ApiTokenSummary[]> {
    const tokens = await this.database.prisma.apiToken.findMany({
      where: { companyId, revokedAt: null },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true, createdById: true },
      orderBy: { createdAt: 'desc' },
    });
    const creators = await this.database.prisma.staffUser.findMany({
      where: { companyId, id: { in: tokens.map((token) => token.createdById) } },
      select: { id: true, name: true },
    });
    const byId = new Map(creators.map((creator) => [creator.id, creator]));
    return tokens.map((token) => ({
      id: token.id,
      name: token.name,
      createdAt: token.createdAt,
      lastUsedAt: token.lastUsedAt,
      createdBy: byId.get(token.createdById) ?? null,
    }));
  }

  /** False when no live token of this company has this id. */
  async revoke(input: { companyId: string; id: string }): Promise<boolean> {
    const result = await this.database.prisma.apiToken.updateMany({
      where: { id: input.id, companyId: input.companyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return result.count === 1;
  }
}
