-- The case functions that take a request id: each waits for a racing
-- original, then returns what a request already applied to the case gave
-- and refuses one used elsewhere.
CREATE OR REPLACE FUNCTION doudi.case_open(p_household_id bigint, p_program text, p_request_id uuid,
                                           p_close_relative boolean DEFAULT false,
                                           p_close_relative_note text DEFAULT '')
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text;
  done record;
  new_id bigint;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  SELECT s.case_id, s.action, a.household_id, a.program INTO done
  FROM doudi.case_step AS s JOIN doudi.assistance_case AS a ON a.id = s.case_id
  WHERE s.request_id = p_request_id;
  IF FOUND THEN
    IF done.action = 'apply' AND done.household_id = p_household_id AND done.program = p_program THEN
      RETURN done.case_id;
    END IF;
    PERFORM doudi.case_request_reused(p_request_id);
  END IF;
  SELECT h.region_code INTO region FROM doudi.household AS h WHERE h.id = p_household_id;
  IF region IS NULL OR NOT doudi.caller_may_see(p_household_id, region) THEN
    RAISE EXCEPTION 'doudi:case.household_not_yours'
      USING DETAIL = json_build_object('household_id', p_household_id)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM doudi.require_staff_may('open_case');
  IF p_close_relative AND coalesce(btrim(p_close_relative_note), '') = '' THEN
    RAISE EXCEPTION 'doudi:case.close_relative_note' USING ERRCODE = 'RD000';
  END IF;
  -- One open case per household and program (the unique index
  -- assistance_case_open_key; a racing second open meets it and is refused
  -- alike).
  BEGIN
    INSERT INTO doudi.assistance_case (household_id, region_code, program, step_order, state, state_since,
                                       close_relative, close_relative_note)
    VALUES (p_household_id, region, p_program, doudi.case_step_order(p_program, region), 'applied',
            doudi.clock_date(), coalesce(p_close_relative, false), coalesce(btrim(p_close_relative_note), ''))
    RETURNING id INTO new_id;
  EXCEPTION WHEN unique_violation THEN
    RAISE EXCEPTION 'doudi:case.already_open'
      USING DETAIL = json_build_object('household_id', p_household_id, 'program', p_program,
                                       'case_id', (SELECT a.id FROM doudi.assistance_case AS a
                                                   WHERE a.household_id = p_household_id AND a.program = p_program
                                                     AND a.state NOT IN ('refusal_notified', 'terminated')
                                                   LIMIT 1))::text,
            ERRCODE = 'RD000';
  END;
  INSERT INTO doudi.case_step (case_id, region_code, from_state, action, to_state, level, version, request_id)
  VALUES (new_id, region, NULL, 'apply', 'applied', 'village', 1, p_request_id);
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_open(bigint,text,uuid,boolean,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_open(bigint,text,uuid,boolean,text) TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
