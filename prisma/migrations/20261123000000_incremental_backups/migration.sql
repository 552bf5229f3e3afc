-- Incremental backups (docs/backups.md): each row with its primary key, so that a backup can tell
-- which rows are new, changed or gone since the one before; and a restore that applies those
-- changes. As in backup_functions, names come from the catalog and are quoted by format('%I').

-- The primary key's columns, quoted, each after `qualifier` ('t.' or ''), comma-separated.
CREATE FUNCTION estateflow_primary_key(table_name text, qualifier text)
RETURNS text
LANGUAGE plpgsql STABLE SET search_path = public AS $fn$
DECLARE
  key_columns text;
BEGIN
  SELECT string_agg(qualifier || format('%I', a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
    INTO key_columns
    FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
   WHERE i.indrelid = format('%I', table_name)::regclass AND i.indisprimary;
  IF key_columns IS NULL THEN
    RAISE EXCEPTION 'table % has no primary key to back it up by', table_name;
  END IF;
  RETURN key_columns;
END $fn$;

-- Every row as (its key as JSON text, the row as JSON text), in primary-key order.
CREATE FUNCTION estateflow_backup_keyed_rows(table_name text)
RETURNS TABLE (key text, line text)
LANGUAGE plpgsql STABLE SET search_path = public AS $fn$
DECLARE
  key_columns text := estateflow_primary_key(table_name, 't.');
BEGIN
  RETURN QUERY EXECUTE format('SELECT json_build_array(%s)::text, row_to_json(t)::text FROM %I t ORDER BY %s', key_columns, table_name, key_columns);
END $fn$;

-- Rows given as JSON: inserted, or written over the row with the same key.
CREATE FUNCTION estateflow_restore_upsert(table_name text, rows_json json)
RETURNS bigint
LANGUAGE plpgsql SET search_path = public AS $fn$
DECLARE
  columns text;
  excluded text;
  written bigint;
BEGIN
  SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum), string_agg(format('EXCLUDED.%I', a.attname), ', ' ORDER BY a.attnum)
    INTO columns, excluded
    FROM pg_attribute a
   WHERE a.attrelid = format('%I', table_name)::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
  EXECUTE format(
    'INSERT INTO %I (%s) SELECT %s FROM json_populate_recordset(NULL::%I, $1) ON CONFLICT (%s) DO UPDATE SET (%s) = ROW(%s)',
    table_name, columns, columns, table_name, estateflow_primary_key(table_name, ''), columns, excluded)
    USING rows_json;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END $fn$;

-- Rows removed by key (keys as estateflow_backup_keyed_rows writes them).
CREATE FUNCTION estateflow_restore_delete(table_name text, keys text[])
RETURNS bigint
LANGUAGE plpgsql SET search_path = public AS $fn$
DECLARE
  removed bigint;
BEGIN
  EXECUTE format(
    'DELETE FROM %I t WHERE json_build_array(%s)::text = ANY ($1)',
    table_name, estateflow_primary_key(table_name, 't.'))
    USING keys;
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END $fn$;

REVOKE ALL ON FUNCTION estateflow_primary_key(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION estateflow_backup_keyed_rows(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION estateflow_restore_upsert(text, json) FROM PUBLIC;
REVOKE ALL ON FUNCTION estateflow_restore_delete(text, text[]) FROM PUBLIC;
