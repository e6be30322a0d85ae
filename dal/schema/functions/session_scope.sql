-- The caller's scope. SECURITY DEFINER so a user needs no grant on
-- app_user; search_path pinned so nobody can slip in their own objects.
-- Every policy asks it (through scope_low/scope_high): it first refuses a
-- session of another schema version (doudi.require_client_schema).
CREATE OR REPLACE FUNCTION doudi.session_scope() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.require_client_schema();
  RETURN (SELECT u.region_scope FROM doudi.app_user AS u WHERE u.role_name = session_user AND NOT u.disabled);
END
$$;
REVOKE ALL ON FUNCTION doudi.session_scope() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.session_scope() TO doudi_user, doudi_scope_reader, doudi_user_manager;
