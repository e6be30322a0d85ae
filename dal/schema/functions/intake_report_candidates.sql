-- The households a report may be about, among those the caller may see:
-- a member with the ID number the reporter gave ('id_number'), or a member
-- of the same name in the same village ('name_village'). The reporter's
-- full ID number is compared here and never returned.
CREATE OR REPLACE FUNCTION doudi.intake_report_candidates(p_report bigint)
  RETURNS TABLE (household_id bigint, region_code text, person_name text, id_number_masked text, matched_by text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.intake_report;
BEGIN
  PERFORM doudi.require_staff_may('triage_reports');
  SELECT * INTO r FROM doudi.intake_report AS x WHERE x.id = p_report;
  IF NOT FOUND OR NOT doudi.caller_may_see(NULL, r.region_code) THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT DISTINCT ON (p.household_id) p.household_id, p.region_code::text, p.name, p.id_number_masked::text,
           CASE WHEN p.id_number = r.id_number THEN 'id_number' ELSE 'name_village' END
    FROM doudi.person AS p
    WHERE p.left_on IS NULL
      AND ((r.id_number IS NOT NULL AND p.id_number = r.id_number)
           OR (p.name = r.name AND p.region_code = r.region_code))
      AND doudi.caller_may_see(p.household_id, p.region_code)
    ORDER BY p.household_id, (p.id_number = r.id_number) DESC
    LIMIT 20;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_report_candidates(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_report_candidates(bigint)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
