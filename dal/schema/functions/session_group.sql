CREATE OR REPLACE FUNCTION doudi.session_group() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT group_role FROM doudi.app_user WHERE role_name = session_user AND NOT disabled
$$;
REVOKE ALL ON FUNCTION doudi.session_group() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.session_group() TO doudi_user, doudi_scope_reader, doudi_user_manager, doudi_watchdog,
  doudi_scheduler;
