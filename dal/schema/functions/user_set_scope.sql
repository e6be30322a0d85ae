CREATE OR REPLACE FUNCTION doudi.user_set_scope(p_role text, p_scope text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.user_for_change(p_role);
  PERFORM doudi.user_assert_may_manage(p_scope);
  BEGIN
    UPDATE doudi.app_user SET region_scope = p_scope, updated_at = now(), updated_by = session_user
    WHERE role_name = p_role;
  EXCEPTION WHEN foreign_key_violation THEN
    -- a liaison's department is one of the catalog of their county
    RAISE EXCEPTION 'doudi:user.unknown_department'
      USING DETAIL = json_build_object('name', p_role, 'department', (SELECT u.department FROM doudi.app_user AS u WHERE u.role_name = p_role))::text, ERRCODE = 'RD000';
  END;
END
$$;
ALTER FUNCTION doudi.user_set_scope(text,text) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.user_set_scope(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_set_scope(text,text) TO doudi_center_admin;
