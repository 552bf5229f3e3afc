-- The event write's cost, measured (docs/performance.md, third round): the statement-level
-- triggers of live_changes cost more than the rows the event writes. They ran on every statement
-- of the event's write — also on the task UPDATE and INSERT that changed no row, as most events'
-- do — and each captured old and new rows into transition tables. Row-level triggers run only for
-- rows that changed, and the instance's WHEN test is evaluated before any function is called.
-- Bulk statements now append one change per row; the poller merges identical payloads
-- (engine/src/live/live.repository.ts), so a watcher still hears of an estate's tasks once.
DROP TRIGGER "Instance_live_insert" ON "Instance";
DROP TRIGGER "Instance_live_update" ON "Instance";
DROP TRIGGER "Task_live_insert" ON "Task";
DROP TRIGGER "Task_live_update" ON "Task";
DROP TRIGGER "Notification_live_insert" ON "Notification";
DROP FUNCTION estateflow_live_instance_inserted();
DROP FUNCTION estateflow_live_instance_updated();
DROP FUNCTION estateflow_live_task();
DROP FUNCTION estateflow_live_notification();

CREATE FUNCTION estateflow_live_instance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveChange" (payload) VALUES (jsonb_build_object(
    'type', 'instance.updated', 'companyId', NEW."companyId", 'estateId', NEW."estateId",
    'id', NEW.id, 'version', NEW.version, 'requesterPersonId', NEW."requesterPersonId"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Instance_live_insert" AFTER INSERT ON "Instance"
  FOR EACH ROW EXECUTE FUNCTION estateflow_live_instance();
-- Only what a watcher notices: a new version, status or state (not e.g. an SLA clock update).
CREATE TRIGGER "Instance_live_update" AFTER UPDATE ON "Instance"
  FOR EACH ROW WHEN ((OLD.version, OLD.status, OLD."stateValue") IS DISTINCT FROM (NEW.version, NEW.status, NEW."stateValue"))
  EXECUTE FUNCTION estateflow_live_instance();

-- task.changed says only "the tasks of this estate changed".
CREATE FUNCTION estateflow_live_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveChange" (payload)
  VALUES (jsonb_build_object('type', 'task.changed', 'companyId', NEW."companyId", 'estateId', NEW."estateId"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Task_live" AFTER INSERT OR UPDATE ON "Task"
  FOR EACH ROW EXECUTE FUNCTION estateflow_live_task();

CREATE FUNCTION estateflow_live_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveChange" (payload) VALUES (jsonb_build_object(
    'type', 'notification', 'companyId', NEW."companyId", 'id', NEW.id,
    'recipientKind', NEW."recipientKind", 'recipientId', NEW."recipientId"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_live_insert" AFTER INSERT ON "Notification"
  FOR EACH ROW WHEN (NEW.channel = 'in_app') EXECUTE FUNCTION estateflow_live_notification();

-- Claiming, measured at 3 ms a call with a backlog: a SQL function is planned on every call, and
-- its one OR condition (due, or running past its lease) read and sorted every due job before
-- taking ten. PL/pgSQL keeps the plan per connection; jobs whose lease ran out (rare: their
-- process died) come first, then due jobs in the order of the (status, runAt) index, so a claim
-- reads about as many rows as it takes however long the queue is.
CREATE OR REPLACE FUNCTION estateflow_claim_jobs(claim_at timestamptz, max_jobs integer, lease_ms double precision)
RETURNS TABLE (id text, "companyId" uuid, "instanceId" uuid, kind text, payload jsonb, "dedupeKey" text,
               "runAt" timestamptz, attempts integer, "maxAttempts" integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH expired AS (
    SELECT j.id FROM "Job" j
    WHERE j.status = 'running' AND j."lockedUntil" < claim_at
    ORDER BY j."runAt", j.id
    LIMIT max_jobs
    FOR UPDATE SKIP LOCKED
  ), pending AS (
    SELECT j.id FROM "Job" j
    WHERE j.status = 'pending' AND j."runAt" <= claim_at
    ORDER BY j."runAt", j.id
    LIMIT max_jobs - (SELECT count(*) FROM expired)
    FOR UPDATE SKIP LOCKED
  ), due AS (
    SELECT e.id FROM expired e UNION ALL SELECT p.id FROM pending p
  )
  UPDATE "Job" AS job
  SET status = 'running', attempts = job.attempts + 1,
      "lockedUntil" = claim_at + make_interval(secs => lease_ms / 1000)
  FROM due WHERE job.id = due.id
  RETURNING job.id::text, job."companyId", job."instanceId", job.kind, job.payload, job."dedupeKey",
            job."runAt", job.attempts, job."maxAttempts";
END $fn$;
