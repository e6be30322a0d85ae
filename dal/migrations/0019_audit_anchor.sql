-- 0019: the audit trail's verification tells rows still waiting for their
-- seal from rows slipped in, names the first audit row missing from a seal,
-- and compares the audited tables with their last audited image (issue 12,
-- findings 10 and 11). The anchor that holds the chain to a seal written
-- down outside the database is read from doudi.audit_seal, which auditors
-- and center administrators may already read (migration 3).

----------------------------------------------------------------------------
-- Reads every audited table and the whole trail, for the reconciliation
-- only: it owns doudi.audit_reconcile and nothing else; nobody logs in as
-- it or is a member of it (memberships someone gave it are taken back).
-- Roles belong to the whole cluster: several databases may run this at
-- once (the tests do); the one that comes second tries again.
DO $$
DECLARE
  m record;
BEGIN
  FOR attempt IN 1 .. 10 LOOP
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'doudi_audit_reader') THEN
        CREATE ROLE doudi_audit_reader NOLOGIN BYPASSRLS;
      END IF;
      FOR m IN SELECT r.rolname FROM pg_catalog.pg_auth_members AS a JOIN pg_catalog.pg_roles AS r ON r.oid = a.member
               WHERE a.roleid = 'doudi_audit_reader'::regrole LOOP
        EXECUTE format('REVOKE doudi_audit_reader FROM %I', m.rolname);
      END LOOP;
      IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'doudi_audit_reader'
                   AND (rolcanlogin OR rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR NOT rolbypassrls)) THEN
        ALTER ROLE doudi_audit_reader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS;
      END IF;
      RETURN;
    EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN
      PERFORM pg_sleep(0.1 * attempt);
    END;
  END LOOP;
  RAISE EXCEPTION 'could not make the role doudi_audit_reader (other databases kept changing it)';
END
$$;
GRANT USAGE ON SCHEMA doudi TO doudi_audit_reader;
GRANT SELECT ON doudi.audit_row TO doudi_audit_reader;

-- The audited tables: those with a trigger running doudi.audit_changes. A
-- later migration that audits another table grants it the same way (the
-- reconciliation fails loudly, permission denied, until it does).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT DISTINCT tr.tgrelid::regclass AS name FROM pg_catalog.pg_trigger AS tr
           WHERE tr.tgfoid = 'doudi.audit_changes()'::regprocedure LOOP
    EXECUTE format('GRANT SELECT ON %s TO doudi_audit_reader', t.name);
  END LOOP;
END
$$;

----------------------------------------------------------------------------
-- Recomputes the whole chain. A problem is reported as a code and the
-- numbers that go with it (the program words it):
--   seal_out_of_order  broken_seal does not follow the seal before it
--   row_edited         broken_row's content no longer gives its hash
--   rows_changed       broken_seal's rows were added to, removed or
--                      rewritten: rows_now of rows_sealed; broken_row is the
--                      first id missing inside the seal's range, if any
--   seal_rewritten     broken_seal's hash does not match its content
--   row_unsealed       broken_row belongs to no seal and to no committed
--                      transaction waiting for one: it was slipped in
-- Rows of committed transactions waiting in doudi.audit_pending are not a
-- break: their seal comes when the sealing step next gets its lock (another
-- session sealing holds it; seal_lock_pid and seal_lock_user name it).
-- One snapshot (STABLE): a transaction commits its rows and its pending
-- entry together, and its seal replaces the entry in one transaction, so no
-- committed row is ever seen both unsealed and not pending.
DROP FUNCTION doudi.audit_verify();
CREATE FUNCTION doudi.audit_verify(OUT seals bigint, OUT audit_rows bigint, OUT broken_row bigint,
                                   OUT broken_seal bigint, OUT problem text, OUT rows_now bigint,
                                   OUT rows_sealed bigint, OUT pending_transactions bigint, OUT pending_rows bigint,
                                   OUT seal_lock_pid integer, OUT seal_lock_user text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s record;
  prev bytea := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
  expected_seq bigint := 0;
  check_row record;
  -- audit_seal_pending's advisory lock as pg_locks shows a bigint key
  seal_key bigint := hashtext('doudi.audit_seal')::bigint;
BEGIN
  seals := 0;
  audit_rows := 0;
  pending_transactions := 0;
  pending_rows := 0;
  FOR s IN SELECT * FROM doudi.audit_seal ORDER BY seq LOOP
    expected_seq := expected_seq + 1;
    IF s.seq <> expected_seq OR s.prev_hash <> prev THEN
      broken_seal := s.seq;
      problem := 'seal_out_of_order';
      RETURN;
    END IF;
    -- A row whose content no longer gives its stored hash names itself.
    SELECT r.id INTO broken_row FROM doudi.audit_row AS r
    WHERE r.txid = s.txid AND r.row_hash <> doudi.audit_row_hash(r.txid, r.at, r.actor, r.table_name, r.operation,
                                                               r.row_key, r.old_row, r.new_row)
    ORDER BY r.id LIMIT 1;
    IF broken_row IS NOT NULL THEN
      broken_seal := s.seq;
      problem := 'row_edited';
      RETURN;
    END IF;
    SELECT count(*) AS n, sha256(string_agg(r.row_hash, ''::bytea ORDER BY r.id)) AS rows_hash
    INTO check_row FROM doudi.audit_row AS r WHERE r.txid = s.txid;
    IF check_row.n <> s.row_count OR check_row.rows_hash IS DISTINCT FROM s.rows_hash THEN
      broken_seal := s.seq;
      rows_now := check_row.n;
      rows_sealed := s.row_count;
      -- The first deleted row: the first id of the sealed range that no
      -- audit row has (ids of other transactions' rows in the range exist).
      SELECT g INTO broken_row FROM generate_series(s.first_row, s.last_row) AS g
      WHERE NOT EXISTS (SELECT 1 FROM doudi.audit_row AS r WHERE r.id = g)
      ORDER BY g LIMIT 1;
      problem := 'rows_changed';
      RETURN;
    END IF;
    IF s.hash <> doudi.audit_seal_hash(s.prev_hash, s.seq, s.txid, s.rows_hash) THEN
      broken_seal := s.seq;
      problem := 'seal_rewritten';
      RETURN;
    END IF;
    prev := s.hash;
    seals := seals + 1;
    audit_rows := audit_rows + s.row_count;
  END LOOP;
  SELECT count(DISTINCT r.txid) FILTER (WHERE p.txid IS NOT NULL), count(*) FILTER (WHERE p.txid IS NOT NULL),
         min(r.id) FILTER (WHERE p.txid IS NULL)
  INTO pending_transactions, pending_rows, broken_row
  FROM doudi.audit_row AS r LEFT JOIN doudi.audit_pending AS p ON p.txid = r.txid
  WHERE NOT EXISTS (SELECT 1 FROM doudi.audit_seal AS x WHERE x.txid = r.txid);
  IF broken_row IS NOT NULL THEN
    problem := 'row_unsealed';
  END IF;
  IF pending_rows > 0 THEN
    SELECT l.pid, a.usename INTO seal_lock_pid, seal_lock_user
    FROM pg_catalog.pg_locks AS l LEFT JOIN pg_catalog.pg_stat_activity AS a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = current_database())
      AND l.classid::bigint = ((seal_key >> 32) & 4294967295) AND l.objid::bigint = (seal_key & 4294967295)
    LIMIT 1;
  END IF;
END
$$;

----------------------------------------------------------------------------
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
CREATE FUNCTION doudi.audit_reconcile() RETURNS TABLE (table_name text, row_key text, problem text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
-- The statement is long and its plan costly-looking: compiling it (JIT) took
-- longer than running it at 100,000 households. The planner guesses the
-- last-ids CTE at a few hundred rows per table and would sort the rows for a
-- merge join; hashing them is the cheaper join at every size.
SET jit = off SET enable_mergejoin = off AS $$
DECLARE
  t record;
  branches text[] := '{}';
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

REVOKE ALL ON FUNCTION doudi.audit_verify(), doudi.audit_reconcile() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_verify(), doudi.audit_reconcile() TO doudi_auditor, doudi_center_admin;
