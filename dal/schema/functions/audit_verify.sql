CREATE OR REPLACE FUNCTION doudi.audit_verify(OUT seals bigint, OUT audit_rows bigint, OUT broken_row bigint,
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
REVOKE ALL ON FUNCTION doudi.audit_verify() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_verify() TO doudi_auditor, doudi_center_admin;
