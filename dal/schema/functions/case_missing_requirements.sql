-- What the case's next steps are still missing, for the desk to show: for
-- each action open from the case's current state (its step order and
-- program) whose requirement is not on record, the action, the requirement
-- (assets/rules/case_transitions.csv) and the refusal code taking it would
-- meet now (without doudi:), by action. The same answer the step gets
-- (doudi.case_requirement_unmet). Nothing for a case the caller may not see,
-- alike for one that does not exist.
CREATE OR REPLACE FUNCTION doudi.case_missing_requirements(p_case_id bigint)
RETURNS TABLE (action text, requirement text, refusal text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  r doudi.case_transition_rule;
  unmet record;
BEGIN
  SELECT * INTO c FROM doudi.assistance_case AS a WHERE a.id = p_case_id;
  IF NOT FOUND OR NOT doudi.caller_may_see(c.household_id, c.region_code) THEN
    RETURN;
  END IF;
  FOR r IN SELECT * FROM doudi.case_transition_rule AS x
           WHERE x.step_order = c.step_order AND x.from_state = c.state AND x.requires <> 'none'
             AND (x.programs = 'all' OR c.program = ANY (string_to_array(x.programs, '+')))
           ORDER BY x.action LOOP
    SELECT * INTO unmet FROM doudi.case_requirement_unmet(c, r.requires) AS u;
    IF unmet.message IS NOT NULL THEN
      action := r.action;
      requirement := r.requires;
      refusal := substr(unmet.message, length('doudi:') + 1);
      RETURN NEXT;
    END IF;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_missing_requirements(bigint) FROM PUBLIC;
-- Every desk group that reads cases (CaseRepository::Load asks it).
GRANT EXECUTE ON FUNCTION doudi.case_missing_requirements(bigint) TO doudi_user;
