-- The link of seal seq onto the previous one.
CREATE OR REPLACE FUNCTION doudi.audit_seal_hash(p_prev bytea, p_seq bigint, p_txid bigint, p_rows_hash bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT sha256(p_prev || int8send(p_seq) || int8send(p_txid) || p_rows_hash)
$$;
REVOKE ALL ON FUNCTION doudi.audit_seal_hash(bytea,bigint,bigint,bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_seal_hash(bytea,bigint,bigint,bytea) TO doudi_user;
