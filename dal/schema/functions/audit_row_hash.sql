-- The hash of one audit row's content. The timestamp enters as microseconds
-- since the epoch and JSONB as its canonical text, so the hash does not
-- depend on the session's TimeZone or DateStyle.
CREATE OR REPLACE FUNCTION doudi.audit_row_hash(p_txid bigint, p_at timestamptz, p_actor text, p_table text, p_operation text,
                                     p_key text, p_old jsonb, p_new jsonb) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT sha256(convert_to(concat_ws(E'\x1f', p_txid, (extract(epoch FROM p_at) * 1000000)::bigint, p_actor,
                                     p_table, p_operation, p_key, coalesce(p_old::text, '-'),
                                     coalesce(p_new::text, '-')), 'UTF8'))
$$;
REVOKE ALL ON FUNCTION doudi.audit_row_hash(bigint,timestamp with time zone,text,text,text,text,jsonb,jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_row_hash(bigint,timestamp with time zone,text,text,text,text,jsonb,jsonb) TO doudi_user;
