import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { StaffRole } from '../generated/prisma/enums';

// Staff holding the role in the estate (or company-wide), by open work: least busy first, then
// for round robin the one assigned longest ago. `by building` counts only work in that building.
const PICK_STAFF = `
SELECT s.id, s.name
  FROM "StaffUser" s
 WHERE s."companyId" = $1 AND s.active
   AND EXISTS (SELECT 1 FROM "RoleAssignment" r WHERE r."staffUserId" = s.id AND r.role = $3::"StaffRole" AND (r."estateId" = $2 OR r."estateId" IS NULL))
 ORDER BY (SELECT count(*) FROM "Task" t WHERE t."assigneeUserId" = s.id AND t.status IN ('open', 'claimed')
             AND ($4::uuid IS NULL OR t."buildingId" = $4::uuid)) ASC,
          CASE WHEN $5 THEN (SELECT max(t."createdAt") FROM "Task" t WHERE t."assigneeUserId" = s.id) END ASC NULLS FIRST,
          s.id
 LIMIT 1`;

/** The lookups assignment rules need; used only when a new task's assignee is a user or a rule. */
@Injectable()
export class TaskAssigneeRepository {
  constructor(private readonly database: DatabaseService) {}

  async staffName(companyId: string, userId: string): Promise<string | null> {
    const result = await this.database.pool.query<{ name: string }>('SELECT name FROM "StaffUser" WHERE id = $1 AND "companyId" = $2', [
      userId,
      companyId,
    ]);
    return result.rows[0]?.name ?? null;
  }

  async pickStaff(input: {
    companyId: string;
    estateId: string;
    role: StaffRole;
    buildingId: string | null;
    roundRobin: boolean;
  }): Promise<{ id: string; name: string } | null> {
    const result = await this.database.pool.query<{ id: string; name: string }>(PICK_STAFF, [
      input.companyId,
      input.estateId,
      input.role,
      input.buildingId,
      input.roundRobin,
    ]);
    return result.rows[0] ?? null;
  }
}
