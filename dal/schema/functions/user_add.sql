CREATE OR REPLACE FUNCTION doudi.user_add(p_role text, p_display_name text, p_group text, p_scope text,
                                          p_department text, p_verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.user_assert_may_manage(p_scope);
  PERFORM doudi.user_check_verifier(p_verifier);
  PERFORM doudi.login_role_check_name(p_role);
  -- The row first: its CHECKs refuse an unknown group or a malformed scope
  -- before any role is created.
  BEGIN
    INSERT INTO doudi.app_user (role_name, display_name, group_role, region_scope, department)
    VALUES (p_role, p_display_name, p_group, p_scope, NULLIF(p_department, ''));
  EXCEPTION WHEN foreign_key_violation THEN
    -- a liaison's department is one of the catalog of their county
    RAISE EXCEPTION 'doudi:user.unknown_department'
      USING DETAIL = json_build_object('name', p_role, 'department', p_department)::text, ERRCODE = 'RD000';
  END;
  EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                 'PASSWORD %L IN ROLE %I', p_role, p_verifier, 'doudi_' || p_group);
  PERFORM doudi.login_role_limits(p_role);
  PERFORM doudi.cross_scope_counter(p_role);
END
$$;
ALTER FUNCTION doudi.user_add(text,text,text,text,text,text) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.user_add(text,text,text,text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_add(text,text,text,text,text,text) TO doudi_center_admin;
