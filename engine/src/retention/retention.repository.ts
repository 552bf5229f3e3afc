import { Injectable } from '@nestjs/common';
import { OwnerDatabase } from '../database/owner-database.service';
import { TenantDatabase } from '../database/tenant-database.service';

/** Companies and their retention setting (owner: the sweep walks every company), and the purge itself (tenant). */
@Injectable()
export class RetentionRepository {
  constructor(
    private readonly owner: OwnerDatabase,
    private readonly tenant: TenantDatabase,
  ) {}

  /** The one cross-company read of the sweep: which companies exist and their settings. */
  async companies(): Promise<{ id: string; settings: unknown }[]> {
    // Owner: the sweep walks every company; each purge then runs as its company.
    const result = await this.owner.pool.query<{ id: string; settings: unknown }>(
      'SELECT id::text AS id, settings FROM "Company" ORDER BY id',
    );
    return result.rows;
  }

  /**
   * Deletes people of the company who left every unit before `leftBefore` (their residencies go
   * with them); instances keep their reference and lose the link. Returns the ids removed.
   */
  purgeLeftBefore(input: { companyId: string; leftBefore: Date; limit: number }): Promise<string[]> {
    return this.tenant.withClient(input.companyId, async (client) => {
      const result = await client.query<{ id: string }>(
        `DELETE FROM "Person" WHERE id IN (
           SELECT id FROM "Person" WHERE "companyId" = $1 AND "leftAt" IS NOT NULL AND "leftAt" < $2
              AND NOT EXISTS (SELECT 1 FROM "Residency" r WHERE r."personId" = "Person".id AND r."endedAt" IS NULL)
            ORDER BY "leftAt" LIMIT $3)
         RETURNING id::text AS id`,
        [input.companyId, input.leftBefore, input.limit],
      );
      return result.rows.map((row) => row.id);
    });
  }

  /**
   * Erases the phone and ID numbers typed into the company's requests that finished (completed or
   * cancelled) before `closedBefore`: their PersonalValue rows. The requests keep the masked token
   * in their data and log. Returns how many values were erased.
   */
  purgeFormValuesClosedBefore(input: { companyId: string; closedBefore: Date; limit: number }): Promise<number> {
    return this.tenant.withClient(input.companyId, async (client) => {
      const result = await client.query(
        `DELETE FROM "PersonalValue" WHERE id IN (
           SELECT v.id FROM "PersonalValue" v JOIN "Instance" i ON i.id = v."instanceId"
            WHERE v."companyId" = $1 AND i.status IN ('completed', 'cancelled') AND i."completedAt" < $2
            LIMIT $3)`,
        [input.companyId, input.closedBefore, input.limit],
      );
      return result.rowCount ?? 0;
    });
  }
}
