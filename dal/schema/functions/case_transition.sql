CREATE OR REPLACE FUNCTION doudi.case_transition(p_case_id bigint, p_action text, p_expected_version integer,
                                                 p_request_id uuid, p_opinion text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  rule doudi.case_transition_rule;
  done record;
  step_id bigint;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  SELECT s.case_id, s.action, s.version INTO done FROM doudi.case_step AS s WHERE s.request_id = p_request_id;
  IF FOUND THEN
    IF done.case_id = p_case_id AND done.action = p_action THEN RETURN done.version; END IF;
    PERFORM doudi.case_request_reused(p_request_id);
  END IF;
  c := doudi.case_for_change(p_case_id);
  IF c.version <> p_expected_version THEN
    RAISE EXCEPTION 'doudi:case.changed'
      USING DETAIL = json_build_object('case_id', p_case_id, 'version', c.version, 'expected_version', p_expected_version)::text,
            ERRCODE = 'serialization_failure';
  END IF;
  SELECT * INTO rule FROM doudi.case_transition_rule AS r
  WHERE r.step_order = c.step_order AND r.from_state = c.state AND r.action = p_action;
  IF NOT FOUND OR NOT (rule.programs = 'all' OR c.program = ANY (string_to_array(rule.programs, '+'))) THEN
    RAISE EXCEPTION 'doudi:case.action_not_possible'
      USING DETAIL = json_build_object('action', p_action, 'state', c.state, 'program', c.program)::text, ERRCODE = 'RD000';
  END IF;
  IF NOT doudi.session_is_superuser() AND coalesce(doudi.session_group(), '') <> rule.staff_group THEN
    RAISE EXCEPTION 'doudi:case.action_for_group'
      USING DETAIL = json_build_object('action', p_action, 'group', rule.staff_group)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM doudi.case_step AS s
             WHERE s.case_id = p_case_id AND s.actor = doudi.acting_user() AND s.level <> rule.level
               AND s.action <> 'apply') THEN
    RAISE EXCEPTION 'doudi:case.other_level'
      USING DETAIL = json_build_object('case_id', p_case_id)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF rule.opinion_required AND coalesce(btrim(p_opinion), '') = '' THEN
    RAISE EXCEPTION 'doudi:case.opinion_needed' USING DETAIL = json_build_object('action', p_action)::text, ERRCODE = 'RD000';
  END IF;
  PERFORM doudi.case_check_requirement(c, rule.requires);
  INSERT INTO doudi.case_step (case_id, region_code, from_state, action, to_state, level, version, opinion, request_id)
  VALUES (p_case_id, c.region_code, c.state, p_action, rule.to_state, rule.level, c.version + 1,
          coalesce(p_opinion, ''), p_request_id)
  RETURNING id INTO step_id;
  IF rule.requires = 'amount' THEN
    PERFORM doudi.case_decide_benefit(c, step_id);
  END IF;
  c.state := rule.to_state;
  c := doudi.case_after_move(c, p_action);
  UPDATE doudi.assistance_case AS a
  SET state = c.state, version = a.version + 1, state_since = c.state_since, accepted_on = c.accepted_on,
      step_due = c.step_due, step_due_certain = c.step_due_certain, overall_due = c.overall_due,
      overall_due_certain = c.overall_due_certain, notice_start = c.notice_start, notice_end = c.notice_end,
      decided_on = c.decided_on, benefit_end_month = c.benefit_end_month, next_review_on = c.next_review_on
  WHERE a.id = p_case_id;
  PERFORM doudi.case_registry_status(c);
  RETURN c.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_transition(bigint,text,integer,uuid,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_transition(bigint,text,integer,uuid,text) TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider;
