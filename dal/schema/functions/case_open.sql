-- Opens a case (state applied) for a household and program. A per-person
-- program (doudi.program.per_person: 特困 support) names the person, a
-- current member of the household (refused case.person_required,
-- case.person_not_in_household); any other program may name one. A
-- follow-up case names the case it follows (临时救助 first, then 低保),
-- which must be the same household's (case.follows_other_household); its
-- person carries over to a per-person follow-up that names none. Refuses a
-- program that opens no cases, a second open case of the household and
-- program, or of the person and a per-person program (case.already_open:
-- a second member's 特困 case is their own; the person is the human, by
-- the ID number: a member who left and was added again, as a new row, still
-- has their open case), and one that excludes a case of the
-- household or person still open or paid (case.programs_exclude; the pairs
-- are doudi.program_exclusion). The case functions that take a request id
-- each wait for a racing original, then return what a request already
-- applied to the case gave and refuse one used elsewhere.
DROP FUNCTION IF EXISTS doudi.case_open(bigint,text,uuid,boolean,text) CASCADE;
CREATE OR REPLACE FUNCTION doudi.case_open(p_household_id bigint, p_program text, p_request_id uuid,
                                           p_close_relative boolean DEFAULT false,
                                           p_close_relative_note text DEFAULT '',
                                           p_person_id bigint DEFAULT NULL,
                                           p_follows_case_id bigint DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text;
  done record;
  prog doudi.program;
  followed doudi.assistance_case;
  person bigint := p_person_id;
  clash record;
  twin bigint;
  new_id bigint;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  SELECT s.case_id, s.action, a.household_id, a.program, a.person_id INTO done
  FROM doudi.case_step AS s JOIN doudi.assistance_case AS a ON a.id = s.case_id
  WHERE s.request_id = p_request_id;
  IF FOUND THEN
    IF done.action = 'apply' AND done.household_id = p_household_id AND done.program = p_program
       AND (p_person_id IS NULL OR done.person_id = p_person_id) THEN
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
  SELECT * INTO prog FROM doudi.program AS g WHERE g.code = p_program;
  IF NOT FOUND OR NOT prog.opens_cases THEN
    RAISE EXCEPTION 'doudi:case.program_opens_no_cases'
      USING DETAIL = json_build_object('program', p_program)::text, ERRCODE = 'RD000';
  END IF;
  IF p_close_relative AND coalesce(btrim(p_close_relative_note), '') = '' THEN
    RAISE EXCEPTION 'doudi:case.close_relative_note' USING ERRCODE = 'RD000';
  END IF;
  IF p_follows_case_id IS NOT NULL THEN
    SELECT * INTO followed FROM doudi.assistance_case AS a WHERE a.id = p_follows_case_id;
    IF NOT FOUND OR followed.household_id <> p_household_id THEN
      RAISE EXCEPTION 'doudi:case.follows_other_household'
        USING DETAIL = json_build_object('case_id', p_follows_case_id, 'household_id', p_household_id)::text,
              ERRCODE = 'RD000';
    END IF;
    IF person IS NULL AND prog.per_person THEN person := followed.person_id; END IF;
  END IF;
  IF person IS NULL AND prog.per_person THEN
    RAISE EXCEPTION 'doudi:case.person_required'
      USING DETAIL = json_build_object('program', prog.chinese)::text, ERRCODE = 'RD000';
  END IF;
  IF person IS NOT NULL AND NOT EXISTS (SELECT 1 FROM doudi.person AS p
                                        WHERE p.id = person AND p.household_id = p_household_id
                                          AND p.left_on IS NULL) THEN
    RAISE EXCEPTION 'doudi:case.person_not_in_household'
      USING DETAIL = json_build_object('person_id', person, 'household_id', p_household_id)::text,
            ERRCODE = 'RD000';
  END IF;
  -- The household's cases are opened one at a time, so that two programs
  -- excluding each other cannot both slip in.
  PERFORM 1 FROM doudi.household AS h WHERE h.id = p_household_id FOR NO KEY UPDATE;
  SELECT a.id, g.chinese AS other, x.reason INTO clash
  FROM doudi.assistance_case AS a
  JOIN doudi.program AS g ON g.code = a.program
  JOIN doudi.program_exclusion AS x
    ON (x.program = a.program AND x.excludes = p_program) OR (x.excludes = a.program AND x.program = p_program)
  WHERE a.household_id = p_household_id AND a.state NOT IN ('refusal_notified', 'terminated')
    -- two per-person programs clash only for the same person
    AND NOT (prog.per_person AND g.per_person AND a.person_id IS DISTINCT FROM person)
  ORDER BY a.id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'doudi:case.programs_exclude'
      USING DETAIL = json_build_object('program', prog.chinese, 'other_program', clash.other, 'case_id', clash.id,
                                       'reason', clash.reason)::text,
            ERRCODE = 'RD000';
  END IF;
  -- The same human's open case of a per-person program under an earlier row
  -- of theirs in this household (they left and were added again).
  IF prog.per_person THEN
    SELECT a.id INTO twin
    FROM doudi.assistance_case AS a JOIN doudi.person AS p ON p.id = a.person_id
    WHERE a.household_id = p_household_id AND a.program = p_program AND a.per_person AND a.person_id <> person
      AND a.state NOT IN ('refusal_notified', 'terminated')
      AND p.id_number = (SELECT q.id_number FROM doudi.person AS q WHERE q.id = person)
    ORDER BY a.id LIMIT 1;
    IF twin IS NOT NULL THEN
      RAISE EXCEPTION 'doudi:case.already_open'
        USING DETAIL = json_build_object('household_id', p_household_id, 'program', p_program, 'case_id', twin)::text,
              ERRCODE = 'RD000';
    END IF;
  END IF;
  -- One open case per household and program, per person for a per-person
  -- program (the unique index assistance_case_open_key; a racing second
  -- open meets it and is refused alike).
  BEGIN
    INSERT INTO doudi.assistance_case (household_id, region_code, program, step_order, state, state_since,
                                       close_relative, close_relative_note, person_id, follows_case_id, per_person)
    VALUES (p_household_id, region, p_program, doudi.case_step_order(p_program, region), 'applied',
            doudi.clock_date(), coalesce(p_close_relative, false), coalesce(btrim(p_close_relative_note), ''),
            person, p_follows_case_id, prog.per_person)
    RETURNING id INTO new_id;
  EXCEPTION WHEN unique_violation THEN
    RAISE EXCEPTION 'doudi:case.already_open'
      USING DETAIL = json_build_object('household_id', p_household_id, 'program', p_program,
                                       'case_id', (SELECT a.id FROM doudi.assistance_case AS a
                                                   WHERE a.household_id = p_household_id AND a.program = p_program
                                                     AND a.state NOT IN ('refusal_notified', 'terminated')
                                                     AND (NOT a.per_person OR a.person_id = person)
                                                   ORDER BY a.id LIMIT 1))::text,
            ERRCODE = 'RD000';
  END;
  INSERT INTO doudi.case_step (case_id, region_code, from_state, action, to_state, level, version, request_id)
  VALUES (new_id, region, NULL, 'apply', 'applied', 'village', 1, p_request_id);
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_open(bigint,text,uuid,boolean,text,bigint,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_open(bigint,text,uuid,boolean,text,bigint,bigint) TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
