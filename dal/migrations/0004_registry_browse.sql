-- 0004: browsing a long result list. The workstation fetches the ordered
-- ids of every match in the background (a million ids are 8 MB) and loads
-- the rows it shows by id, so a list of a million persons scrolls and its
-- scrollbar can be dragged without loading them. Both functions apply the
-- caller's scope themselves, like doudi.registry_search.

CREATE FUNCTION doudi.registry_search_ids(p_kind text, p_text text, p_pattern text, p_text_high text,
                                          p_region_low text, p_region_high text, p_status text)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  from_where text := doudi.registry_search_from(p_kind, p_region_low <> '', p_status <> '');
  order_by text := CASE WHEN p_kind = 'id_prefix' THEN ' ORDER BY p.id_number' ELSE ' ORDER BY p.name, p.id' END;
BEGIN
  RETURN QUERY EXECUTE 'SELECT p.id' || from_where || order_by
  USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
        doudi.scope_high(), doudi.session_department();
END
$$;

-- The rows of the given persons that the caller may see, masked, in no
-- particular order (the caller places them by id).
CREATE FUNCTION doudi.registry_rows(p_ids bigint[])
RETURNS TABLE (person_id bigint, household_id bigint, name text, id_number_masked text, sex text,
               birth_date date, relation text, region_code text, region_name text, address text,
               registry_status text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.id, p.household_id, p.name, p.id_number_masked, p.sex, p.birth_date, p.relation, h.region_code,
         g.name, h.address, h.registry_status
  FROM doudi.person AS p JOIN doudi.household AS h ON h.id = p.household_id
  JOIN doudi.region AS g ON g.code = h.region_code
  WHERE p.id = ANY (p_ids) AND p.left_on IS NULL
    AND (doudi.session_is_superuser()
         OR CASE WHEN doudi.session_group() = 'department_liaison'
                 THEN EXISTS (SELECT 1 FROM doudi.referral AS r WHERE r.household_id = p.household_id
                              AND r.department = doudi.session_department())
                 ELSE p.region_code BETWEEN doudi.scope_low() AND doudi.scope_high() END)
$$;

-- The regions inside the caller's scope (all for a superuser), for the
-- region tree of the search screen.
CREATE FUNCTION doudi.regions_in_scope()
RETURNS TABLE (code text, name text, level text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT r.code, r.name, r.level FROM doudi.region AS r
  WHERE doudi.session_is_superuser()
     OR r.code BETWEEN doudi.scope_low() AND doudi.scope_high()
     -- the regions above the scope, so the tree has its path from the top
     OR doudi.scope_low() LIKE rtrim(r.code, '0') || '%'
  ORDER BY r.code
$$;

-- Who the caller is, for the workstation's header: role, group, scope and
-- the scope's region name.
CREATE FUNCTION doudi.whoami()
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

ALTER FUNCTION doudi.registry_search_ids(text, text, text, text, text, text, text) OWNER TO doudi_scope_reader;
ALTER FUNCTION doudi.registry_rows(bigint[]) OWNER TO doudi_scope_reader;
ALTER FUNCTION doudi.regions_in_scope() OWNER TO doudi_scope_reader;
GRANT SELECT ON doudi.app_user TO doudi_scope_reader;
ALTER FUNCTION doudi.whoami() OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.registry_search_ids(text, text, text, text, text, text, text),
  doudi.registry_rows(bigint[]), doudi.regions_in_scope(), doudi.whoami() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.registry_search_ids(text, text, text, text, text, text, text),
  doudi.registry_rows(bigint[]), doudi.regions_in_scope(), doudi.whoami() TO doudi_user;

-- Name searches by a county- or township-scoped user walk the name index in
-- name order and must skip the names outside the scope: with the region
-- code in the index that check needs no visit to the table (measured in
-- docs/benchmarks.md: the one-character search of a county user).
CREATE INDEX person_name_region_idx ON doudi.person (name, region_code, id) WHERE left_on IS NULL;
DROP INDEX doudi.person_name_idx;
