-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('uploaded', 'validating', 'ready', 'invalid', 'committing', 'committed', 'failed');

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "estateId" UUID NOT NULL,
    "createdById" UUID,
    "fileName" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'uploaded',
    "headers" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '{}',
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "totalRows" INTEGER NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "preview" JSONB,
    "rowErrors" JSONB NOT NULL DEFAULT '[]',
    "failure" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_companyId_estateId_createdAt_idx" ON "ImportBatch"("companyId", "estateId", "createdAt");


-- ───────────────────────────────────────────────────────────────────────────────────────────
-- Row-level security, the second wall of tenancy (RELIABILITY 18; docs/tenancy.md).
-- The engine's runtime work on these tables runs as `estateflow_app`: neither owner nor
-- superuser, no BYPASSRLS. The engine connects with its owner credentials and assumes the role
-- at connection start (`options=-c role=estateflow_app`), and names the tenant per transaction:
-- `SELECT set_config('app.company_id', $1, true)`. With no tenant set, every policy matches nothing.
DO $$
BEGIN
  CREATE ROLE estateflow_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
EXCEPTION
  -- Roles are cluster-wide: another database of the same cluster created it first.
  WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
  -- The migrating (owner) user may assume the role; superusers may anyway.
  EXECUTE format('GRANT estateflow_app TO %I', current_user);
EXCEPTION
  WHEN others THEN RAISE NOTICE 'could not grant estateflow_app to %: %', current_user, SQLERRM;
END $$;

GRANT USAGE ON SCHEMA public TO estateflow_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO estateflow_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO estateflow_app;
-- Tables later migrations create get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO estateflow_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO estateflow_app;
-- The migration history is the owner's business.
REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM estateflow_app;
-- The audit log is append-only for the engine (RELIABILITY 20).
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM estateflow_app;

-- Tenant tables under forced RLS. A later migration extends the wall by calling the same function.
CREATE OR REPLACE FUNCTION estateflow_protect_tenant_table(table_name text, company_column text DEFAULT 'companyId') RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', table_name);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', table_name);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %I TO estateflow_app USING (%I = NULLIF(current_setting(''app.company_id'', true), '''')::uuid) WITH CHECK (%I = NULLIF(current_setting(''app.company_id'', true), '''')::uuid)',
    table_name, company_column, company_column);
  -- FORCE subjects the owner too. The owner connection (migrations, seed, CLI, modules not yet
  -- moved to the app role) passes through this one named policy; superusers bypass RLS anyway.
  EXECUTE format('DROP POLICY IF EXISTS owner_maintenance ON %I', table_name);
  EXECUTE format('CREATE POLICY owner_maintenance ON %I TO %I USING (true) WITH CHECK (true)', table_name, current_user);
END
$fn$;

SELECT estateflow_protect_tenant_table('Company', 'id');
SELECT estateflow_protect_tenant_table('Estate');
SELECT estateflow_protect_tenant_table('Building');
SELECT estateflow_protect_tenant_table('Unit');
SELECT estateflow_protect_tenant_table('Person');
SELECT estateflow_protect_tenant_table('Residency');
SELECT estateflow_protect_tenant_table('StaffUser');
SELECT estateflow_protect_tenant_table('RoleAssignment');
SELECT estateflow_protect_tenant_table('AuditLog');
SELECT estateflow_protect_tenant_table('ImportBatch');
