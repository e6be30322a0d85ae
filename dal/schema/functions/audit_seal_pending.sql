-- Seals every committed transaction not yet sealed, oldest rows first, and
-- returns how many it sealed; 0 at once when another session is sealing.
CREATE OR REPLACE FUNCTION doudi.audit_seal_pending() RETURNS integer
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
REVOKE ALL ON FUNCTION doudi.audit_seal_pending() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_seal_pending() TO doudi_user;
