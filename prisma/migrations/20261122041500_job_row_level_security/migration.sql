-- The job queue behind the wall too (issue #7). Handlers run as their job's company, so the app
-- role sees, finishes, retries and enqueues only its tenant's jobs. Claiming is the one act that
-- must look across companies (every process takes whichever jobs are due): it goes through this
-- function, which runs as the owner, takes due jobs with SKIP LOCKED under a lease and returns
-- only what the worker needs; the app role may call it and nothing else cross-company on "Job".
CREATE FUNCTION estateflow_claim_jobs(claim_at timestamptz, max_jobs integer, lease_ms double precision)
RETURNS TABLE (id text, "companyId" uuid, "instanceId" uuid, kind text, payload jsonb, "dedupeKey" text,
               "runAt" timestamptz, attempts integer, "maxAttempts" integer)
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $fn$
  WITH due AS (
    SELECT j.id FROM "Job" j
    WHERE (j.status = 'pending' AND j."runAt" <= claim_at) OR (j.status = 'running' AND j."lockedUntil" < claim_at)
    ORDER BY j."runAt", j.id
    LIMIT max_jobs
    FOR UPDATE SKIP LOCKED
  )
  UPDATE "Job" AS job
  SET status = 'running', attempts = job.attempts + 1,
      "lockedUntil" = claim_at + make_interval(secs => lease_ms / 1000)
  FROM due WHERE job.id = due.id
  RETURNING job.id::text, job."companyId", job."instanceId", job.kind, job.payload, job."dedupeKey",
            job."runAt", job.attempts, job."maxAttempts"
$fn$;
REVOKE ALL ON FUNCTION estateflow_claim_jobs(timestamptz, integer, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION estateflow_claim_jobs(timestamptz, integer, double precision) TO estateflow_app;

SELECT estateflow_protect_tenant_table('Job');
