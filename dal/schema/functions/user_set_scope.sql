CREATE OR REPLACE FUNCTION doudi.user_set_scope(p_role text, p_scope text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.user_for_change(p_role);
  PERFORM doudi.user_assert_may_manage(p_scope);
  UPDATE doudi.app_user SET region_scope = p_scope, updated_at = now(), updated_by = session_user
  WHERE role_name = p_role;
END
$$;
ALTER FUNCTION doudi.user_set_scope(text,text) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.user_set_scope(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_set_scope(text,text) TO doudi_center_admin;
