-- 六位一体挂钩帮扶: logs a visit to a household in the pairing program: the
-- date (today when NULL), the level of the visitor, who visited (empty: the person now
-- responsible at that level), what was found and the next step. Returns the
-- visit's id; the same request sent again returns the same visit.
CREATE OR REPLACE FUNCTION doudi.pairing_visit_add(p_request uuid, p_household bigint, p_visited_on date,
                                                   p_level text, p_visitor text, p_found text, p_next_step text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_visitor text := btrim(coalesce(p_visitor, ''));
  v_found CONSTANT text := btrim(coalesce(p_found, ''));
  v_next CONSTANT text := btrim(coalesce(p_next_step, ''));
  v_visited_on CONSTANT date := coalesce(p_visited_on, doudi.clock_date());
  p doudi.pairing_household;
  done record;
  new_id bigint;
BEGIN
  PERFORM doudi.require_staff_may('record_visit');
  IF p_request IS NULL THEN
    RAISE EXCEPTION 'doudi:request.missing' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_request::text, 16));
  SELECT v.id, v.household_id INTO done FROM doudi.pairing_visit AS v WHERE v.request_id = p_request;
  IF FOUND THEN
    IF done.household_id = p_household THEN
      PERFORM doudi.pairing_household_region(p_household);
      RETURN done.id;
    END IF;
    PERFORM doudi.case_request_reused(p_request);
  END IF;
  p := doudi.pairing_enrolled_household(p_household);
  PERFORM doudi.pairing_check_level(p_level);
  PERFORM doudi.pairing_check_date('visit_date', v_visited_on);
  IF v_visited_on < p.since THEN
    RAISE EXCEPTION 'doudi:pairing.before_enrolment'
      USING DETAIL = json_build_object('date', v_visited_on, 'since', p.since)::text, ERRCODE = 'RD000';
  END IF;
  IF v_visitor = '' THEN
    SELECT coalesce(u.display_name, c.name) INTO v_visitor
    FROM doudi.pairing_assignment AS a
    LEFT JOIN doudi.app_user AS u ON u.role_name = a.user_role
    LEFT JOIN doudi.pairing_contact AS c ON c.id = a.contact_id
    WHERE a.household_id = p_household AND a.level = p_level AND a.until IS NULL;
    v_visitor := coalesce(v_visitor, '');
  END IF;
  PERFORM doudi.pairing_check_text('visitor', v_visitor, 50, true);
  PERFORM doudi.pairing_check_text('findings', v_found, 1000, true);
  PERFORM doudi.pairing_check_text('next_step', v_next, 500, false);
  INSERT INTO doudi.pairing_visit (request_id, household_id, region_code, visited_on, level, visitor, found,
                                   next_step, recorded_by)
  VALUES (p_request, p_household, p.region_code, v_visited_on, p_level, v_visitor, v_found, v_next,
          doudi.acting_user())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_visit_add(uuid,bigint,date,text,text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.pairing_visit_add(uuid,bigint,date,text,text,text,text) TO doudi_village_clerk,
  doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
