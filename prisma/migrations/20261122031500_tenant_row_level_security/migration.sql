-- Row-level security on every remaining table with a company (issue #7, RELIABILITY 18,
-- docs/tenancy.md). The engine now runs every request and every job as `estateflow_app` with
-- `app.company_id` set to the principal's or the job's company (engine/src/database/tenant-pool.ts),
-- so these tables join the wall of imports_and_row_level_security: forced RLS with the
-- `tenant_isolation` policy, and the owner's `owner_maintenance` policy for the narrow paths that
-- must cross companies (engine/src/database/owner-database.service.ts).
SELECT estateflow_protect_tenant_table('Session');
SELECT estateflow_protect_tenant_table('ApiToken');
SELECT estateflow_protect_tenant_table('WorkflowDefinition');
SELECT estateflow_protect_tenant_table('DefinitionVersion');
SELECT estateflow_protect_tenant_table('EstateBinding');
SELECT estateflow_protect_tenant_table('Instance');
SELECT estateflow_protect_tenant_table('InstanceEvent');
SELECT estateflow_protect_tenant_table('Task');
SELECT estateflow_protect_tenant_table('Incident');
SELECT estateflow_protect_tenant_table('Schedule');
SELECT estateflow_protect_tenant_table('Attachment');
SELECT estateflow_protect_tenant_table('Notification');
SELECT estateflow_protect_tenant_table('Webhook');
SELECT estateflow_protect_tenant_table('ReferenceCounter');

-- Deliberately not under tenant RLS:
-- * "Job": the queue every engine process claims from across companies (FOR UPDATE SKIP LOCKED);
--   a job's row holds ids and the payload its handler needs, and the handler runs as the job's
--   company, so everything it reads or writes through the job is behind the wall.
-- * "OneTimeCode", "RateLimitBucket": no company (keyed by a phone's blind index or a client).
-- * "LiveChange" (live_changes): announcements read across companies and filtered per principal.
