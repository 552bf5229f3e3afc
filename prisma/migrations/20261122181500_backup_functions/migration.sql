-- Backups (docs/backups.md): a table's rows as JSON lines in primary-key order, and back. Table and
-- column names come from the catalog and are quoted here by format('%I'), so no client assembles SQL.
-- Only the schema owner runs them (the backup crosses companies; its rows pass the owner's policy).

CREATE FUNCTION estateflow_backup_rows(table_name text)
RETURNS SETOF text
LANGUAGE plpgsql STABLE SET search_path = public AS $fn$
DECLARE
  ordering text;
BEGIN
  SELECT string_agg(format('t.%I', a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
    INTO ordering
    FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
   WHERE i.indrelid = format('%I', table_name)::regclass AND i.indisprimary;
  IF ordering IS NULL THEN
    RAISE EXCEPTION 'table % has no primary key to order its backup by', table_name;
  END IF;
  RETURN QUERY EXECUTE format('SELECT row_to_json(t)::text FROM %I t ORDER BY %s', table_name, ordering);
END $fn$;

CREATE FUNCTION estateflow_restore_rows(table_name text, rows_json json)
RETURNS bigint
LANGUAGE plpgsql SET search_path = public AS $fn$
DECLARE
  columns text;
  inserted bigint;
BEGIN
  SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum)
    INTO columns
    FROM pg_attribute a
   WHERE a.attrelid = format('%I', table_name)::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
  EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM json_populate_recordset(NULL::%I, $1)', table_name, columns, columns, table_name)
    USING rows_json;
  GET DIAGNOSTICS inserted = ROW_COUNT;
  RETURN inserted;
END $fn$;

REVOKE ALL ON FUNCTION estateflow_backup_rows(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION estateflow_restore_rows(text, json) FROM PUBLIC;
