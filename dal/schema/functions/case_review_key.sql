-- The review interval: half-yearly where a member of working age can work
-- (income unstable), else yearly.
CREATE OR REPLACE FUNCTION doudi.case_review_key(c doudi.assistance_case) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN EXISTS (
    SELECT 1 FROM doudi.person AS p
    WHERE p.household_id = c.household_id AND p.left_on IS NULL AND p.work_ability <> 'none'
      AND p.birth_date > doudi.clock_date() - interval '60 years' AND p.birth_date <= doudi.clock_date() - interval '16 years')
  THEN 'review_interval_unstable' ELSE 'review_interval_stable' END
$$;
REVOKE ALL ON FUNCTION doudi.case_review_key(doudi.assistance_case) FROM PUBLIC;
