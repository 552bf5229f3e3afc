-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';


-- Live updates (engine/src/live): every committed change to an instance, a task or an in-app
-- notification is announced on the `estateflow_live` channel, whichever process or tool wrote
-- it. NOTIFY inside a transaction is delivered at commit, and only then; identical payloads in
-- one transaction are delivered once.
CREATE FUNCTION estateflow_live_instance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('estateflow_live', json_build_object(
    'type', 'instance.updated', 'companyId', NEW."companyId", 'estateId', NEW."estateId",
    'id', NEW.id, 'version', NEW.version, 'requesterPersonId', NEW."requesterPersonId")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "Instance_live" AFTER INSERT OR UPDATE OF version, status, "stateValue" ON "Instance"
  FOR EACH ROW EXECUTE FUNCTION estateflow_live_instance();

CREATE FUNCTION estateflow_live_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('estateflow_live', json_build_object(
    'type', 'task.changed', 'companyId', NEW."companyId", 'estateId', NEW."estateId")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "Task_live" AFTER INSERT OR UPDATE ON "Task"
  FOR EACH ROW EXECUTE FUNCTION estateflow_live_task();

CREATE FUNCTION estateflow_live_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('estateflow_live', json_build_object(
    'type', 'notification', 'companyId', NEW."companyId", 'id', NEW.id,
    'recipientKind', NEW."recipientKind", 'recipientId', NEW."recipientId")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_live" AFTER INSERT ON "Notification"
  FOR EACH ROW WHEN (NEW.channel = 'in_app') EXECUTE FUNCTION estateflow_live_notification();
