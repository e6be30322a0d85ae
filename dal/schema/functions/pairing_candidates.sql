-- Who may be named at a pairing level of a household the caller may see:
-- for the county, township, village and department levels the enabled
-- Doudi users whose scope covers the household and fits the level
-- (doudi.pairing_user_fits), for the enterprise and social_worker levels
-- the active contacts of the household's county. For the assign dialog and
-- `doudi-admin pairing candidates` (the desk cannot read doudi.app_user).
CREATE OR REPLACE FUNCTION doudi.pairing_candidates(p_household bigint, p_level text)
RETURNS TABLE (user_role text, contact_id bigint, name text, detail text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region CONSTANT text := doudi.pairing_household_region(p_household);
BEGIN
  IF p_level IN ('enterprise', 'social_worker') THEN
    RETURN QUERY
      SELECT NULL::text, c.id, c.name, concat_ws(' ', nullif(c.organization, ''), nullif(c.phone, ''))
      FROM doudi.pairing_contact AS c
      WHERE c.county_code = left(region, 6) AND c.kind = p_level AND c.active
      ORDER BY c.name, c.id;
  ELSE
    RETURN QUERY
      SELECT u.role_name, NULL::bigint, u.display_name,
             concat_ws(' ', coalesce(g.name, u.region_scope), u.department)
      FROM doudi.app_user AS u
      LEFT JOIN doudi.region AS g ON g.code = rpad(u.region_scope, 12, '0')
      WHERE NOT u.disabled AND region LIKE u.region_scope || '%'
        AND doudi.pairing_user_fits(p_level, u.group_role, u.region_scope)
      ORDER BY u.display_name, u.role_name;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_candidates(bigint,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.pairing_candidates(bigint,text) TO doudi_township_reviewer, doudi_city_decider,
  doudi_center_admin;
