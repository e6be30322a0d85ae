CREATE OR REPLACE FUNCTION doudi.scope_high() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(rpad(doudi.session_scope(), 12, '9'), '')
$$;
REVOKE ALL ON FUNCTION doudi.scope_high() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.scope_high() TO doudi_user, doudi_scope_reader, doudi_user_manager;
