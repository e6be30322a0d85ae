CREATE OR REPLACE FUNCTION doudi.audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  key text := TG_ARGV[0];
  tx bigint := txid_current();
  house text := CASE WHEN TG_TABLE_NAME = 'household' THEN 'id' ELSE 'household_id' END;
BEGIN
  -- region: the row's region code, or a user's scope padded to a code
  IF TG_OP = 'INSERT' THEN
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, new_row, row_hash,
                                 region_code)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, (j ->> house)::bigint, j,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, NULL, j),
           coalesce(j ->> 'region_code', rpad(j ->> 'region_scope', 12, '0'))
    FROM (SELECT to_jsonb(n) AS j FROM new_rows AS n) AS changed;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, old_row, row_hash,
                                 region_code)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, (j ->> house)::bigint, j,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, j, NULL),
           coalesce(j ->> 'region_code', rpad(j ->> 'region_scope', 12, '0'))
    FROM (SELECT to_jsonb(o) AS j FROM old_rows AS o) AS changed;
  ELSE
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, old_row, new_row,
                                 row_hash, region_code)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, n ->> key, (n ->> house)::bigint, o, n,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, n ->> key, o, n),
           coalesce(n ->> 'region_code', rpad(n ->> 'region_scope', 12, '0'))
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
REVOKE ALL ON FUNCTION doudi.audit_changes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_changes() TO doudi_user, doudi_user_manager;
