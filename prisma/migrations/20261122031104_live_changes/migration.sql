-- CreateTable
CREATE TABLE "LiveChange" (
    "id" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    "payload" JSONB NOT NULL,

    CONSTRAINT "LiveChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveChange_txid_idx" ON "LiveChange"("txid");

-- CreateIndex
CREATE INDEX "LiveChange_at_idx" ON "LiveChange"("at");


-- Live updates without serialising commits (docs/live-updates.md, docs/performance.md). The
-- triggers of live_updates_and_sla_escalation called pg_notify in every writing transaction, and
-- PostgreSQL holds one global lock from pre-commit to the end of commit for each transaction that
-- notified: commits queued behind each other. Now the triggers append to "LiveChange" in the
-- writing transaction (committed or rolled back with it, no lock beyond the row) and every engine
-- process polls the table (engine/src/live/live.repository.ts).
DROP TRIGGER "Instance_live" ON "Instance";
DROP TRIGGER "Task_live" ON "Task";
DROP TRIGGER "Notification_live" ON "Notification";
DROP FUNCTION estateflow_live_instance();
DROP FUNCTION estateflow_live_task();
DROP FUNCTION estateflow_live_notification();

-- Announcements, not records: no WAL for them, and after a crash the table is simply empty
-- (SSE clients refetch on reconnect anyway). Rows older than a minute are pruned by the engine.
ALTER TABLE "LiveChange" SET UNLOGGED;

-- Triggers run as the writing role, which may be the row-level-security role estateflow_app
-- (imports_and_row_level_security): it must be able to append. The table is deliberately not
-- under tenant RLS: it is read across companies by the engine, whose fan-out filters every event
-- by the receiving principal (engine/src/live/live-visibility.ts). Nobody rewrites a change.
GRANT SELECT, INSERT, DELETE ON "LiveChange" TO estateflow_app;
GRANT USAGE, SELECT ON SEQUENCE "LiveChange_id_seq" TO estateflow_app;
REVOKE UPDATE, TRUNCATE ON "LiveChange" FROM estateflow_app;

-- Statement-level triggers with transition tables: one INSERT … SELECT per statement, however
-- many rows it changed. PostgreSQL allows a transition table only on a single-event trigger
-- without a column list, hence separate INSERT and UPDATE triggers and the change test in SQL.
CREATE FUNCTION estateflow_live_instance_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveChange" (payload)
  SELECT jsonb_build_object(
    'type', 'instance.updated', 'companyId', n."companyId", 'estateId', n."estateId",
    'id', n.id, 'version', n.version, 'requesterPersonId', n."requesterPersonId")
  FROM inserted n;
  RETURN NULL;
END $$;

-- Only what a watcher notices: a new version, status or state (not e.g. an SLA clock update).
CREATE FUNCTION estateflow_live_instance_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveChange" (payload)
  SELECT jsonb_build_object(
    'type', 'instance.updated', 'companyId', n."companyId", 'estateId', n."estateId",
    'id', n.id, 'version', n.version, 'requesterPersonId', n."requesterPersonId")
  FROM updated n JOIN previous o ON o.id = n.id
  WHERE (n.version, n.status, n."stateValue") IS DISTINCT FROM (o.version, o.status, o."stateValue");
  RETURN NULL;
END $$;

CREATE TRIGGER "Instance_live_insert" AFTER INSERT ON "Instance"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION estateflow_live_instance_inserted();
CREATE TRIGGER "Instance_live_update" AFTER UPDATE ON "Instance"
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION estateflow_live_instance_updated();

-- task.changed says only "the tasks of this estate changed": one row per estate per statement.
CREATE FUNCTION estateflow_live_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveChange" (payload)
  SELECT jsonb_build_object('type', 'task.changed', 'companyId', t."companyId", 'estateId', t."estateId")
  FROM (SELECT DISTINCT "companyId", "estateId" FROM changed) t;
  RETURN NULL;
END $$;

CREATE TRIGGER "Task_live_insert" AFTER INSERT ON "Task"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION estateflow_live_task();
CREATE TRIGGER "Task_live_update" AFTER UPDATE ON "Task"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION estateflow_live_task();

CREATE FUNCTION estateflow_live_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LiveChange" (payload)
  SELECT jsonb_build_object(
    'type', 'notification', 'companyId', n."companyId", 'id', n.id,
    'recipientKind', n."recipientKind", 'recipientId', n."recipientId")
  FROM inserted n
  WHERE n.channel = 'in_app';
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_live_insert" AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION estateflow_live_notification();
