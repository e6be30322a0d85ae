-- Whether a Doudi user of a staff group and region scope may be the
-- responsible person at a pairing level: the county (city/county) level a
-- non-liaison whose scope is a county or wider, the township level one of a
-- township, the village level one of a village, the department level a
-- department liaison. Whether the scope covers the household is asked apart.
CREATE OR REPLACE FUNCTION doudi.pairing_user_fits(p_level text, p_group text, p_scope text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE p_level
           WHEN 'county' THEN p_group NOT IN ('department_liaison', 'auditor') AND length(p_scope) <= 6
           WHEN 'township' THEN p_group NOT IN ('department_liaison', 'auditor') AND length(p_scope) = 9
           WHEN 'village' THEN p_group NOT IN ('department_liaison', 'auditor') AND length(p_scope) = 12
           WHEN 'department' THEN p_group = 'department_liaison'
           ELSE false
         END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_user_fits(text,text,text) FROM PUBLIC;
