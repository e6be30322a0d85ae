-- Refuses (RD000) a staff operation on a case in a state it does not take,
-- as doudi.staff_operation says (assets/rules/staff_capabilities.csv):
-- 'any'; 'open', a state that is not terminal (doudi:case.closed); or the
-- states joined by '+' (doudi:case.wrong_state).
CREATE OR REPLACE FUNCTION doudi.require_operation_state(c doudi.assistance_case, p_operation text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  states text;
BEGIN
  SELECT o.case_states INTO states FROM doudi.staff_operation AS o WHERE o.operation = p_operation;
  IF states = 'open' THEN
    IF EXISTS (SELECT 1 FROM doudi.case_state_rule AS r WHERE r.state = c.state AND r.terminal) THEN
      RAISE EXCEPTION 'doudi:case.closed' USING DETAIL = json_build_object('case_id', c.id)::text, ERRCODE = 'RD000';
    END IF;
  ELSIF states IS DISTINCT FROM 'any' THEN
    PERFORM doudi.require_state(c, string_to_array(states, '+'), p_operation);
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.require_operation_state(doudi.assistance_case, text) FROM PUBLIC;
