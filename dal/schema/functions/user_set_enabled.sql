CREATE OR REPLACE FUNCTION doudi.user_set_enabled(p_role text, p_enabled boolean) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.user_for_change(p_role);
  UPDATE doudi.app_user SET disabled = NOT p_enabled, updated_at = now(), updated_by = session_user
  WHERE role_name = p_role;
  EXECUTE format('ALTER ROLE %I %s', p_role, CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END
$$;
ALTER FUNCTION doudi.user_set_enabled(text,boolean) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.user_set_enabled(text,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_set_enabled(text,boolean) TO doudi_center_admin;
