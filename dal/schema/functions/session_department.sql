-- A liaison's department; first refuses a session of another schema
-- version (doudi.require_client_schema), like doudi.session_scope.
CREATE OR REPLACE FUNCTION doudi.session_department() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.require_client_schema();
  RETURN (SELECT u.department FROM doudi.app_user AS u WHERE u.role_name = session_user AND NOT u.disabled);
END
$$;
REVOKE ALL ON FUNCTION doudi.session_department() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.session_department() TO doudi_user, doudi_scope_reader, doudi_user_manager;
