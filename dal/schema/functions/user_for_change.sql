-- The existing Doudi user p_role, locked for the change, after checking
-- that the caller may manage them.
CREATE OR REPLACE FUNCTION doudi.user_for_change(p_role text) RETURNS doudi.app_user
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u doudi.app_user;
BEGIN
  SELECT * INTO u FROM doudi.app_user WHERE role_name = p_role FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'doudi:user.unknown' USING DETAIL = json_build_object('role', p_role)::text, ERRCODE = 'undefined_object';
  END IF;
  PERFORM doudi.user_assert_may_manage(u.region_scope);
  RETURN u;
END
$$;
REVOKE ALL ON FUNCTION doudi.user_for_change(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_for_change(text) TO doudi_user_manager;
