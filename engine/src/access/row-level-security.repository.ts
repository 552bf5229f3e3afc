import { Injectable } from '@nestjs/common';
import { APP_ROLE, DatabaseService } from '../database/database.service';
import { runAsTenant } from '../database/tenant-context';

/**
 * The tables behind the second wall (RELIABILITY 18): forced row-level security with the
 * `tenant_isolation` policy. Extend the wall by calling `estateflow_protect_tenant_table('X')` in
 * a migration and adding the table here.
 */
export const PROTECTED_TABLES = [
  'Company',
  'Estate',
  'Building',
  'Unit',
  'Person',
  'Residency',
  'StaffUser',
  'RoleAssignment',
  'AuditLog',
  'ImportBatch',
  // Migration tenant_row_level_security: the rest of the tables with a company.
  'Session',
  'ApiToken',
  'WorkflowDefinition',
  'DefinitionVersion',
  'EstateBinding',
  'Instance',
  'InstanceEvent',
  'Task',
  'Incident',
  'Schedule',
  'Attachment',
  'Notification',
  'Webhook',
  'ReferenceCounter',
  // Migration job_row_level_security: the job queue (claimed across companies through estateflow_claim_jobs).
  'Job',
  // Migration form_personal_values: phone and ID numbers typed into forms.
  'PersonalValue',
  // Migration notices: notices to residents.
  'Notice',
] as const;

export interface RowLevelSecurityFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  tables: { table: string; enabled: boolean; forced: boolean; ownedByRole: boolean; hasPolicy: boolean }[];
  auditUpdatable: boolean;
  auditDeletable: boolean;
  /** Rows of people visible with no tenant set: must be 0. */
  peopleVisibleWithoutTenant: number;
}

/** Reads, on the engine's own runtime connections (as no tenant), what PostgreSQL enforces for them. */
@Injectable()
export class RowLevelSecurityRepository {
  constructor(private readonly database: DatabaseService) {}

  facts(): Promise<RowLevelSecurityFacts> {
    // As no tenant, whoever asks: "nothing visible without a tenant" is one of the facts.
    return runAsTenant(null, () => this.readFacts());
  }

  private async readFacts(): Promise<RowLevelSecurityFacts> {
    const client = await this.database.pool.connect();
    try {
      const role = await client.query<{
        role: string;
        superuser: boolean;
        bypassRls: boolean;
        auditUpdatable: boolean;
        auditDeletable: boolean;
      }>(
        `SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
                has_table_privilege(current_user, 'public."AuditLog"', 'UPDATE') AS "auditUpdatable",
                has_table_privilege(current_user, 'public."AuditLog"', 'DELETE') AS "auditDeletable"
           FROM pg_roles r WHERE r.rolname = current_user`,
      );
      const tables = await client.query<{ table: string; enabled: boolean; forced: boolean; ownedByRole: boolean; hasPolicy: boolean }>(
        `SELECT c.relname AS "table", c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                pg_get_userbyid(c.relowner) = current_user AS "ownedByRole",
                EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname = 'tenant_isolation' AND $2 = ANY(p.roles)) AS "hasPolicy"
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relname = ANY($1::text[])`,
        [[...PROTECTED_TABLES], APP_ROLE],
      );
      const people = await client.query<{ count: string }>('SELECT count(*)::text AS count FROM "Person"');
      const first = role.rows[0];
      return {
        role: first?.role ?? 'unknown',
        superuser: first?.superuser ?? true,
        bypassRls: first?.bypassRls ?? true,
        auditUpdatable: first?.auditUpdatable ?? true,
        auditDeletable: first?.auditDeletable ?? true,
        tables: tables.rows,
        peopleVisibleWithoutTenant: Number(people.rows[0]?.count ?? 0),
      };
    } finally {
      client.release();
    }
  }
}
