-- Who the caller is, for the workstation's header: role, group, scope and
-- the scope's region name.
CREATE OR REPLACE FUNCTION doudi.whoami()
RETURNS TABLE (role_name text, display_name text, group_role text, region_scope text, scope_name text,
               department text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT session_user::text, coalesce(u.display_name, session_user::text),
         coalesce(u.group_role, CASE WHEN doudi.session_is_superuser() THEN 'superuser' ELSE '' END),
         coalesce(u.region_scope, ''), coalesce(g.name, ''), coalesce(u.department, '')
  FROM (SELECT 1) AS one
  LEFT JOIN doudi.app_user AS u ON u.role_name = session_user AND NOT u.disabled
  LEFT JOIN doudi.region AS g ON g.code = rpad(u.region_scope, 12, '0')
$$;
ALTER FUNCTION doudi.whoami() OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.whoami() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.whoami() TO doudi_user;
