-- The audited tables against their last audited image: for every key of
-- every audited table, the audit row with the highest id is the last change
-- the trail recorded. Reported, by table and key only:
--   changed    the row differs from the new image of its last audit row
--   unaudited  the row exists, but no audit row records it (or the last one
--              deleted it)
--   gone       the row is not there, and its last audit row did not delete it
-- A row is compared on the columns its image has (jsonb_populate_record over
-- the current row): a column added by a later migration is not a change,
-- and timestamps compare as instants whatever TimeZone wrote the image.
-- Not checked: "gone" where rows legitimately leave unaudited with their
-- parent (no DELETE audit, an ON DELETE CASCADE key: a holiday year's
-- days), "changed" where unaudited foreign-key actions rewrite rows. One
-- statement, so one snapshot: a transaction's rows and its audit rows are
-- seen together or not at all, under any load. One scan of the trail for
-- the last ids; the images are read by primary key. Cost: docs/benchmarks.md.
CREATE OR REPLACE FUNCTION doudi.audit_reconcile() RETURNS TABLE (table_name text, row_key text, problem text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
-- The statement is long and its plan costly-looking: compiling it (JIT) took
-- longer than running it at 100,000 households. The planner guesses the
-- last-ids CTE at a few hundred rows per table and would sort the rows for a
-- merge join; hashing them is the cheaper join at every size.
SET jit = off SET enable_mergejoin = off AS $$
DECLARE
  t record;
  branches text[] := ARRAY[]::text[];
BEGIN
  FOR t IN
    SELECT c.oid::regclass AS rel, c.relname,
           (SELECT convert_from(substring(x.tgargs FROM 1 FOR position('\x00'::bytea IN x.tgargs) - 1), 'UTF8')
            FROM pg_catalog.pg_trigger AS x
            WHERE x.tgrelid = c.oid AND x.tgfoid = 'doudi.audit_changes()'::regprocedure LIMIT 1) AS key_column,
           bool_or(tr.tgtype & 8 <> 0) AS deletes_audited,
           bool_or(tr.tgtype & 16 <> 0) AS updates_audited,
           EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS k
                   WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confdeltype = 'c') AS leaves_with_parent,
           EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS k
                   WHERE k.conrelid = c.oid AND k.contype = 'f'
                     AND (k.confupdtype IN ('c', 'n', 'd') OR k.confdeltype IN ('n', 'd'))) AS rewritten_by_parent
    FROM pg_catalog.pg_trigger AS tr JOIN pg_catalog.pg_class AS c ON c.oid = tr.tgrelid
    WHERE tr.tgfoid = 'doudi.audit_changes()'::regprocedure
    GROUP BY c.oid, c.relname
    ORDER BY c.relname
  LOOP
    branches := branches || format(
      'SELECT %1$L::text, coalesce(cur.k, l.row_key), '
      '       CASE WHEN cur.k IS NULL THEN ''gone'' '
      '            WHEN l.row_key IS NULL OR l.operation = ''DELETE'' THEN ''unaudited'' ELSE ''changed'' END '
      'FROM (SELECT to_jsonb(x.%2$I) #>> ''{}'' AS k, x AS rec FROM %3$s AS x) AS cur '
      'FULL JOIN (SELECT y.row_key, a.operation, a.new_row FROM last AS y '
      '           JOIN doudi.audit_row AS a ON a.id = y.id WHERE y.table_name = %1$L) AS l ON l.row_key = cur.k '
      'WHERE (cur.k IS NOT NULL AND (l.row_key IS NULL OR l.operation = ''DELETE''%4$s))%5$s',
      t.relname, t.key_column, t.rel,
      CASE WHEN t.updates_audited OR NOT t.rewritten_by_parent
           THEN ' OR jsonb_populate_record(cur.rec, l.new_row) IS DISTINCT FROM cur.rec' ELSE '' END,
      CASE WHEN t.deletes_audited OR NOT t.leaves_with_parent
           THEN ' OR (cur.k IS NULL AND l.operation <> ''DELETE'')' ELSE '' END);
  END LOOP;
  IF cardinality(branches) = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'WITH last AS MATERIALIZED (SELECT r.table_name, r.row_key, max(r.id) AS id FROM doudi.audit_row AS r '
    '                           GROUP BY r.table_name, r.row_key) '
    'SELECT * FROM (' || array_to_string(branches, ' UNION ALL ') || ') AS found (t, k, p) '
    'ORDER BY t, length(k), k';
END
$$;
ALTER FUNCTION doudi.audit_reconcile() OWNER TO doudi_audit_reader;
REVOKE ALL ON FUNCTION doudi.audit_reconcile() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_reconcile() TO doudi_auditor, doudi_center_admin;
