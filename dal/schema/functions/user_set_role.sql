CREATE OR REPLACE FUNCTION doudi.user_set_role(p_role text, p_group text, p_department text, p_scope text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u doudi.app_user := doudi.user_for_change(p_role);
BEGIN
  IF p_scope IS NOT NULL THEN
    PERFORM doudi.user_assert_may_manage(p_scope);
  END IF;
  BEGIN
    UPDATE doudi.app_user SET group_role = p_group, department = NULLIF(p_department, ''),
           region_scope = coalesce(p_scope, region_scope), updated_at = now(), updated_by = session_user
    WHERE role_name = p_role;
  EXCEPTION WHEN foreign_key_violation THEN
    -- a liaison's department is one of the catalog of their county
    RAISE EXCEPTION 'doudi:user.unknown_department'
      USING DETAIL = json_build_object('name', p_role, 'department', p_department)::text, ERRCODE = 'RD000';
  END;
  EXECUTE format('REVOKE %I FROM %I', 'doudi_' || u.group_role, p_role);
  EXECUTE format('GRANT %I TO %I', 'doudi_' || p_group, p_role);
END
$$;
ALTER FUNCTION doudi.user_set_role(text,text,text,text) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.user_set_role(text,text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_set_role(text,text,text,text) TO doudi_center_admin;
