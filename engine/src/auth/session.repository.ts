import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';
import type { StaffRole } from '../generated/prisma/enums';
import type { Principal } from './principal';

interface PrincipalRow {
  kind: 'staff' | 'person';
  companyId: string;
  userId: string | null;
  staffName: string | null;
  active: boolean | null;
  roles: { estateId: string | null; role: StaffRole }[] | null;
  personId: string | null;
  personName: string | null;
  leftAt: Date | null;
  units: { unitId: string; estateId: string; kind: 'owner' | 'tenant' }[] | null;
}

/**
 * Sessions and the principal behind them. The guard runs `principalForSession` on every request,
 * so it is one round trip: session, user or person, roles or units together.
 */
@Injectable()
export class SessionRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly owner: OwnerDatabase,
  ) {}

  async create(input: {
    id: string;
    companyId: string;
    subject: { kind: 'staff'; staffUserId: string } | { kind: 'person'; personId: string };
    expiresAt: Date;
  }): Promise<void> {
    await this.database.prisma.session.create({
      data: {
        id: input.id,
        companyId: input.companyId,
        kind: input.subject.kind,
        staffUserId: input.subject.kind === 'staff' ? input.subject.staffUserId : null,
        personId: input.subject.kind === 'person' ? input.subject.personId : null,
        expiresAt: input.expiresAt,
      },
    });
  }

  async principalForSession(id: string): Promise<Principal | null> {
    // Owner: the cookie is all there is before this; the session tells the request its company.
    const result = await this.owner.pool.query<PrincipalRow>(
      `SELECT s."kind"::text AS "kind", s."companyId",
              u."id" AS "userId", u."name" AS "staffName", u."active",
              (SELECT json_agg(json_build_object('estateId', r."estateId", 'role', r."role"))
                 FROM "RoleAssignment" r WHERE r."staffUserId" = u."id" AND r."companyId" = s."companyId") AS "roles",
              p."id" AS "personId", p."name" AS "personName", p."leftAt",
              (SELECT json_agg(json_build_object('unitId', re."unitId", 'estateId', re."estateId", 'kind', re."kind"))
                 FROM "Residency" re WHERE re."personId" = p."id" AND re."companyId" = s."companyId" AND re."endedAt" IS NULL) AS "units"
         FROM "Session" s
         LEFT JOIN "StaffUser" u ON u."id" = s."staffUserId" AND u."companyId" = s."companyId"
         LEFT JOIN "Person" p ON p."id" = s."personId" AND p."companyId" = s."companyId"
        WHERE s."id" = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now()`,
      [id],
    );
    const row = result.rows[0];
    if (!row) return null;
    if (row.kind === 'staff' && row.userId !== null && row.active === true) {
      return { kind: 'staff', userId: row.userId, companyId: row.companyId, name: row.staffName ?? '', roles: row.roles ?? [] };
    }
    if (row.kind === 'person' && row.personId !== null && row.leftAt === null) {
      return { kind: 'person', personId: row.personId, companyId: row.companyId, name: row.personName ?? '', units: row.units ?? [] };
    }
    return null;
  }

  /** Revokes one session; returns whose it was, or null when it was unknown or already over. */
  async revoke(id: string): Promise<{ companyId: string; kind: string; subjectId: string | null } | null> {
    // Owner: signing out names the session by its cookie alone, also when it no longer yields a principal (expired).
    const result = await this.owner.pool.query<{ companyId: string; kind: string; subjectId: string | null }>(
      `UPDATE "Session" SET "revokedAt" = now() WHERE "id" = $1 AND "revokedAt" IS NULL
       RETURNING "companyId", "kind"::text AS "kind", COALESCE("staffUserId", "personId") AS "subjectId"`,
      [id],
    );
    return result.rows[0] ?? null;
  }

  /** Revokes every live session of a staff user or person; returns how many. */
  async revokeAll(subject: { kind: 'staff'; staffUserId: string } | { kind: 'person'; personId: string }): Promise<number> {
    const where = subject.kind === 'staff' ? { staffUserId: subject.staffUserId } : { personId: subject.personId };
    const result = await this.database.prisma.session.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
    return result.count;
  }
}
