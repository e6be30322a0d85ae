CREATE OR REPLACE FUNCTION doudi.session_department() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT department FROM doudi.app_user WHERE role_name = session_user AND NOT disabled
$$;
REVOKE ALL ON FUNCTION doudi.session_department() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.session_department() TO doudi_user, doudi_scope_reader, doudi_user_manager;
