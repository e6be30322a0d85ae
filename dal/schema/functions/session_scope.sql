-- The caller's scope. SECURITY DEFINER so a user needs no grant on
-- app_user; search_path pinned so nobody can slip in their own objects.
CREATE OR REPLACE FUNCTION doudi.session_scope() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT region_scope FROM doudi.app_user WHERE role_name = session_user AND NOT disabled
$$;
REVOKE ALL ON FUNCTION doudi.session_scope() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.session_scope() TO doudi_user, doudi_scope_reader, doudi_user_manager;
