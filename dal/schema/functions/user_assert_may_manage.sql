-- User management, usable by center administrators, who hold no CREATEROLE
-- themselves (in PostgreSQL 15 it would let them grant themselves the owner
-- role). These functions run as doudi_user_manager and allow only this:
-- Doudi users (rows of app_user) in one of the seven groups, within the
-- caller's own scope; never another role of the cluster.
CREATE OR REPLACE FUNCTION doudi.user_assert_may_manage(p_scope text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF doudi.session_is_superuser() THEN
    RETURN;
  END IF;
  IF NOT doudi.staff_may('manage_users') THEN
    RAISE EXCEPTION 'doudi:user.admin_only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_scope IS NULL OR p_scope NOT LIKE doudi.session_scope() || '%' THEN
    RAISE EXCEPTION 'doudi:user.scope_outside'
      USING DETAIL = json_build_object('scope', coalesce(p_scope, ''), 'own_scope', doudi.session_scope())::text,
            ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.user_assert_may_manage(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_assert_may_manage(text) TO doudi_user_manager;
