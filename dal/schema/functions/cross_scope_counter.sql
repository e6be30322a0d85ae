-- B. Questions about persons outside the caller's scope.
--
-- Each Doudi user has a counter of such questions. It is a sequence because
-- setval is not undone by a rollback: a caller who asks and then rolls back
-- has still asked. The value is day × 10^9 + the count of that day.
CREATE OR REPLACE FUNCTION doudi.cross_scope_counter(p_role text) RETURNS regclass
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  role_oid oid := (SELECT r.oid FROM pg_catalog.pg_roles AS r WHERE r.rolname = p_role);
  name text;
BEGIN
  IF role_oid IS NULL THEN
    RAISE EXCEPTION 'doudi:user.unknown' USING DETAIL = json_build_object('role', p_role)::text, ERRCODE = 'undefined_object';
  END IF;
  name := 'cross_scope_checks_' || role_oid;
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS doudi.%I AS bigint MINVALUE 0 START 0', name);
  RETURN format('doudi.%I', name)::regclass;
END
$$;
REVOKE ALL ON FUNCTION doudi.cross_scope_counter(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.cross_scope_counter(text) TO doudi_user_manager;
