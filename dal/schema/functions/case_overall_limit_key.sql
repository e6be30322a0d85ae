-- The overall limit's parameter: 45 when extended, 20 where the township
-- confirms, else 30 (all working days, from acceptance).
CREATE OR REPLACE FUNCTION doudi.case_overall_limit_key(c doudi.assistance_case) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN c.limit_extended THEN 'overall_limit_extended'
    WHEN (SELECT v.value FROM doudi.case_parameter(c.program, c.region_code, 'confirmation_level') AS v) = 'township'
      THEN 'overall_limit_delegated'
    ELSE 'overall_limit' END
$$;
REVOKE ALL ON FUNCTION doudi.case_overall_limit_key(doudi.assistance_case) FROM PUBLIC;
