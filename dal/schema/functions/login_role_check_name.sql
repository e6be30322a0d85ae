-- The name a new Doudi login role may have (lower case letters, digits and
-- _, 3 to 63 characters, not doudi… or pg_…, not taken): refused with
-- doudi:user.bad_name or doudi:user.exists. For doudi.user_add and
-- doudi.intake_login_add.
CREATE OR REPLACE FUNCTION doudi.login_role_check_name(p_role text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_role IS NULL OR p_role !~ '^[a-z][a-z0-9_]{2,62}$' OR p_role LIKE 'doudi%' OR p_role LIKE 'pg\_%'
     OR p_role = 'postgres' THEN
    RAISE EXCEPTION 'doudi:user.bad_name' USING DETAIL = json_build_object('name', p_role)::text, ERRCODE = 'invalid_name';
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_role) THEN
    RAISE EXCEPTION 'doudi:user.exists' USING DETAIL = json_build_object('name', p_role)::text, ERRCODE = 'duplicate_object';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.login_role_check_name(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.login_role_check_name(text) TO doudi_user_manager;
