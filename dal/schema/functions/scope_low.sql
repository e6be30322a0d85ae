-- The scope as a range of 12-digit codes, so policies compare with BETWEEN,
-- which a btree answers (a LIKE policy is never index-friendly under RLS).
-- A caller without a scope gets an empty range ('~' sorts after digits).
CREATE OR REPLACE FUNCTION doudi.scope_low() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(rpad(doudi.session_scope(), 12, '0'), '~')
$$;
REVOKE ALL ON FUNCTION doudi.scope_low() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.scope_low() TO doudi_user, doudi_scope_reader, doudi_user_manager;
