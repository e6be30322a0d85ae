-- A staff member's display name, for timelines: only of users whose scope
-- contains or lies within the caller's (the people who act on the caller's
-- cases); nothing about other counties' staff, not even that they exist.
CREATE OR REPLACE FUNCTION doudi.staff_name(p_role text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT u.display_name FROM doudi.app_user AS u
  WHERE u.role_name = p_role
    AND (doudi.session_is_superuser() OR u.region_scope LIKE doudi.session_scope() || '%'
         OR doudi.session_scope() LIKE u.region_scope || '%')
$$;
REVOKE ALL ON FUNCTION doudi.staff_name(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.staff_name(text) TO doudi_user;
