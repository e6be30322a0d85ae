-- 0003: the audit trail. Every insert, update and delete on personal-data and
-- user tables writes audit rows in the same transaction (who, when, table,
-- key, old and new values). Rows are hashed as they are written; a short
-- sealing step, run after commit by whoever comes next, chains each
-- committed transaction's rows onto the previous seal. Sealing is serialised
-- by an advisory lock it only tries to take, so a desk save never waits for
-- the sealing of a long import, and the chain cannot fork (prev_hash is
-- unique). The audit tables are append-only.

CREATE TABLE doudi.audit_row (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  txid         bigint NOT NULL,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  table_name   text NOT NULL,
  operation    text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  row_key      text NOT NULL,
  household_id bigint,
  old_row      jsonb,
  new_row      jsonb,
  row_hash     bytea NOT NULL
);
CREATE INDEX audit_row_household_idx ON doudi.audit_row (household_id, id);
CREATE INDEX audit_row_txid_idx ON doudi.audit_row (txid, id);

CREATE TABLE doudi.audit_seal (
  seq       bigint PRIMARY KEY CHECK (seq > 0),
  txid      bigint NOT NULL UNIQUE,
  first_row bigint NOT NULL,
  last_row  bigint NOT NULL,
  row_count bigint NOT NULL CHECK (row_count > 0),
  rows_hash bytea NOT NULL,
  prev_hash bytea NOT NULL UNIQUE,  -- one successor per seal: no fork
  hash      bytea NOT NULL UNIQUE,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

-- Committed transactions whose rows await their seal. Bookkeeping only:
-- verification finds any audit row without a seal whatever this holds.
CREATE TABLE doudi.audit_pending (
  txid bigint PRIMARY KEY
);

-- The hash of one audit row's content. The timestamp enters as microseconds
-- since the epoch and JSONB as its canonical text, so the hash does not
-- depend on the session's TimeZone or DateStyle.
CREATE FUNCTION doudi.audit_row_hash(p_txid bigint, p_at timestamptz, p_actor text, p_table text, p_operation text,
                                     p_key text, p_old jsonb, p_new jsonb) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT sha256(convert_to(concat_ws(E'\x1f', p_txid, (extract(epoch FROM p_at) * 1000000)::bigint, p_actor,
                                     p_table, p_operation, p_key, coalesce(p_old::text, '-'),
                                     coalesce(p_new::text, '-')), 'UTF8'))
$$;

-- The link of seal seq onto the previous one.
CREATE FUNCTION doudi.audit_seal_hash(p_prev bytea, p_seq bigint, p_txid bigint, p_rows_hash bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT sha256(p_prev || int8send(p_seq) || int8send(p_txid) || p_rows_hash)
$$;

-- Statement-level trigger: all rows a statement changed, in one INSERT.
-- TG_ARGV[0] names the key column.
CREATE FUNCTION doudi.audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  key text := TG_ARGV[0];
  tx bigint := txid_current();
  house text := CASE WHEN TG_TABLE_NAME = 'household' THEN 'id' ELSE 'household_id' END;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, new_row, row_hash)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, (j ->> house)::bigint, j,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, NULL, j)
    FROM (SELECT to_jsonb(n) AS j FROM new_rows AS n) AS changed;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, old_row, row_hash)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, (j ->> house)::bigint, j,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, j, NULL)
    FROM (SELECT to_jsonb(o) AS j FROM old_rows AS o) AS changed;
  ELSE
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, old_row, new_row,
                                 row_hash)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, n ->> key, (n ->> house)::bigint, o, n,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, n ->> key, o, n)
    FROM (SELECT to_jsonb(x) AS o FROM old_rows AS x) AS old_side
    JOIN (SELECT to_jsonb(y) AS n FROM new_rows AS y) AS new_side ON (o ->> key) = (n ->> key)
    WHERE o IS DISTINCT FROM n;
  END IF;
  IF FOUND THEN
    INSERT INTO doudi.audit_pending (txid) VALUES (tx) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('household', 'id'), ('person', 'id'), ('income_item', 'id'), ('asset', 'id'),
                                 ('registry_status_change', 'id'), ('referral', 'id'), ('app_user', 'role_name'))
                         AS audited(name, key) LOOP
    EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON doudi.%I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes(%L)', t.name, t.key);
    EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON doudi.%I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes(%L)', t.name, t.key);
    EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON doudi.%I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes(%L)', t.name, t.key);
  END LOOP;
END
$$;

-- Append-only: no update, delete or truncate of the trail, by anyone the
-- triggers bind (only a superuser disabling triggers gets past, and the
-- chain then shows it).
CREATE FUNCTION doudi.audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.audit_row
  FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON doudi.audit_row
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_refuse_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.audit_seal
  FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON doudi.audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_refuse_change();

-- Seals every committed transaction not yet sealed, oldest rows first, and
-- returns how many it sealed; 0 at once when another session is sealing.
CREATE FUNCTION doudi.audit_seal_pending() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  last_seq bigint;
  prev bytea;
  t record;
  sealed integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('doudi.audit_seal')) THEN
    RETURN 0;
  END IF;
  SELECT s.seq, s.hash INTO last_seq, prev FROM doudi.audit_seal AS s ORDER BY s.seq DESC LIMIT 1;
  last_seq := coalesce(last_seq, 0);
  prev := coalesce(prev, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
  FOR t IN SELECT r.txid, min(r.id) AS first_row, max(r.id) AS last_row, count(*) AS row_count,
                  sha256(string_agg(r.row_hash, ''::bytea ORDER BY r.id)) AS rows_hash
           FROM doudi.audit_pending AS p JOIN doudi.audit_row AS r ON r.txid = p.txid
           GROUP BY r.txid ORDER BY min(r.id) LOOP
    last_seq := last_seq + 1;
    INSERT INTO doudi.audit_seal (seq, txid, first_row, last_row, row_count, rows_hash, prev_hash, hash)
    VALUES (last_seq, t.txid, t.first_row, t.last_row, t.row_count, t.rows_hash, prev,
            doudi.audit_seal_hash(prev, last_seq, t.txid, t.rows_hash));
    prev := doudi.audit_seal_hash(prev, last_seq, t.txid, t.rows_hash);
    DELETE FROM doudi.audit_pending WHERE txid = t.txid;
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END
$$;

-- Recomputes the whole chain. Returns nothing when it is intact, otherwise
-- the first place it breaks: the audit row (when one can be named), the
-- seal, and what is wrong.
CREATE FUNCTION doudi.audit_verify(OUT seals bigint, OUT audit_rows bigint, OUT broken_row bigint,
                                   OUT broken_seal bigint, OUT problem text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s record;
  prev bytea := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
  expected_seq bigint := 0;
  check_row record;
BEGIN
  seals := 0;
  audit_rows := 0;
  FOR s IN SELECT * FROM doudi.audit_seal ORDER BY seq LOOP
    expected_seq := expected_seq + 1;
    IF s.seq <> expected_seq OR s.prev_hash <> prev THEN
      broken_seal := s.seq;
      problem := 'seal ' || s.seq || ' does not follow seal ' || (expected_seq - 1) || ' (the chain was cut or reordered)';
      RETURN;
    END IF;
    -- A row whose content no longer gives its stored hash names itself.
    SELECT r.id INTO broken_row FROM doudi.audit_row AS r
    WHERE r.txid = s.txid AND r.row_hash <> doudi.audit_row_hash(r.txid, r.at, r.actor, r.table_name, r.operation,
                                                               r.row_key, r.old_row, r.new_row)
    ORDER BY r.id LIMIT 1;
    IF broken_row IS NOT NULL THEN
      broken_seal := s.seq;
      problem := 'audit row ' || broken_row || ' was changed after it was written (its content no longer matches its hash)';
      RETURN;
    END IF;
    SELECT count(*) AS n, min(r.id) AS first_row, max(r.id) AS last_row,
           sha256(string_agg(r.row_hash, ''::bytea ORDER BY r.id)) AS rows_hash
    INTO check_row FROM doudi.audit_row AS r WHERE r.txid = s.txid;
    IF check_row.n <> s.row_count OR check_row.rows_hash IS DISTINCT FROM s.rows_hash THEN
      broken_seal := s.seq;
      broken_row := s.first_row;
      problem := 'the audit rows of seal ' || s.seq || ' (rows ' || s.first_row || '-' || s.last_row ||
                 ') were added to, removed or rewritten: ' || check_row.n || ' rows now, ' || s.row_count || ' sealed';
      RETURN;
    END IF;
    IF s.hash <> doudi.audit_seal_hash(s.prev_hash, s.seq, s.txid, s.rows_hash) THEN
      broken_seal := s.seq;
      problem := 'seal ' || s.seq || ' was rewritten (its hash does not match its content)';
      RETURN;
    END IF;
    prev := s.hash;
    seals := seals + 1;
    audit_rows := audit_rows + s.row_count;
  END LOOP;
  SELECT min(r.id) INTO broken_row FROM doudi.audit_row AS r
  WHERE NOT EXISTS (SELECT 1 FROM doudi.audit_seal AS x WHERE x.txid = r.txid);
  IF broken_row IS NOT NULL THEN
    problem := 'audit row ' || broken_row || ' belongs to no seal (run the sealing step, or rows were slipped in)';
  END IF;
END
$$;

ALTER TABLE doudi.audit_row ENABLE ROW LEVEL SECURITY;
CREATE POLICY readers ON doudi.audit_row FOR SELECT TO doudi_auditor, doudi_center_admin USING (true);
REVOKE ALL ON doudi.audit_row, doudi.audit_seal, doudi.audit_pending FROM PUBLIC;
GRANT SELECT ON doudi.audit_row, doudi.audit_seal TO doudi_auditor, doudi_center_admin;
REVOKE ALL ON FUNCTION doudi.audit_changes(), doudi.audit_seal_pending(), doudi.audit_verify() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_changes() TO doudi_user, doudi_user_manager;
GRANT EXECUTE ON FUNCTION doudi.audit_seal_pending() TO doudi_user;
GRANT EXECUTE ON FUNCTION doudi.audit_verify() TO doudi_auditor, doudi_center_admin;
GRANT EXECUTE ON FUNCTION doudi.audit_row_hash(bigint, timestamptz, text, text, text, text, jsonb, jsonb),
  doudi.audit_seal_hash(bytea, bigint, bigint, bytea) TO doudi_user;

-- The registry status history, written per statement rather than per row:
-- a bulk import then writes its history (and the history's audit rows) in
-- one set-based INSERT instead of one per household.
DROP TRIGGER household_record_status ON doudi.household;
CREATE OR REPLACE FUNCTION doudi.household_record_status() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO doudi.registry_status_change (household_id, region_code, status, since, reason)
    SELECT n.id, n.region_code, n.registry_status, current_date, coalesce(current_setting('doudi.status_reason', true), '')
    FROM new_rows AS n;
  ELSE
    INSERT INTO doudi.registry_status_change (household_id, region_code, status, since, reason)
    SELECT n.id, n.region_code, n.registry_status, current_date, coalesce(current_setting('doudi.status_reason', true), '')
    FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
    WHERE n.registry_status IS DISTINCT FROM o.registry_status;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER household_record_status_insert AFTER INSERT ON doudi.household
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.household_record_status();
CREATE TRIGGER household_record_status_update AFTER UPDATE ON doudi.household
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.household_record_status();
