CREATE OR REPLACE FUNCTION doudi.user_reset_password(p_role text, p_verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.user_for_change(p_role);
  PERFORM doudi.user_check_verifier(p_verifier);
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_role, p_verifier);
  UPDATE doudi.app_user SET updated_at = now(), updated_by = session_user WHERE role_name = p_role;
END
$$;
ALTER FUNCTION doudi.user_reset_password(text,text) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.user_reset_password(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_reset_password(text,text) TO doudi_center_admin;
