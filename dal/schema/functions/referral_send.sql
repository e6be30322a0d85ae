-- One desk action hands a household's needs to several departments at
-- once (一门受理、协同办理): p_items is a JSON array of
-- {"department": code, "kind": help kind, "request": what is asked,
--  "documents": [what goes with it]}, one referral each, about a case
-- (p_case), an alert (p_alert) or the household alone (p_household). Each
-- is due the department's working days for that kind of help
-- (doudi.department_due_days in force today) after today, and reaches the
-- center's administrator when still open the joint_help parameter
-- referral_escalation_days (working days, in force today) after that. A referral for
-- help of a kind another giver already gave the household within the
-- joint_help parameter duplicate_help_months names that help
-- (duplicate_of). An alert still open moves to referred. Returns the
-- referral ids; the same request id sent again returns them, nothing new.
CREATE OR REPLACE FUNCTION doudi.referral_send(p_request uuid, p_household bigint, p_case bigint, p_alert bigint,
                                               p_note text, p_items jsonb) RETURNS SETOF bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_earlier doudi.referral_send;
  v_household bigint;
  v_region text;
  a doudi.alert;
  v_item jsonb;
  v_line integer := 0;
  v_dept doudi.department;
  v_kind text;
  v_request text;
  v_documents text[];
  v_days integer;
  v_due date;
  v_today date := doudi.clock_date();
  v_send_id bigint;
  v_months integer;
  v_escalation integer;
  v_departments text[] := ARRAY[]::text[];
BEGIN
  PERFORM doudi.require_staff_may('refer_households');
  IF p_request IS NULL THEN
    RAISE EXCEPTION 'doudi:referral.bad_item' USING DETAIL = json_build_object('field', 'request_id')::text,
          ERRCODE = 'RD000';
  END IF;
  SELECT * INTO v_earlier FROM doudi.referral_send AS s WHERE s.request_id = p_request;
  IF FOUND THEN
    IF v_earlier.sent_by <> doudi.acting_user() OR NOT doudi.caller_may_see(v_earlier.household_id, v_earlier.region_code) THEN
      RAISE EXCEPTION 'doudi:referral.request_reused' USING ERRCODE = 'RD000';
    END IF;
    RETURN QUERY SELECT r.id FROM doudi.referral AS r WHERE r.send_id = v_earlier.id ORDER BY r.id;
    RETURN;
  END IF;
  -- The subject: what the caller cannot see is refused like what does not exist.
  IF p_case IS NOT NULL THEN
    SELECT c.household_id, c.region_code INTO v_household, v_region FROM doudi.assistance_case AS c
    WHERE c.id = p_case AND doudi.caller_may_see(c.household_id, c.region_code);
  ELSIF p_alert IS NOT NULL THEN
    a := doudi.alert_for_change(p_alert, (SELECT x.version FROM doudi.alert AS x WHERE x.id = p_alert));
    v_household := a.household_id;
    SELECT h.region_code INTO v_region FROM doudi.household AS h WHERE h.id = a.household_id;
  ELSE
    SELECT h.id, h.region_code INTO v_household, v_region FROM doudi.household AS h
    WHERE h.id = p_household AND doudi.caller_may_see(h.id, h.region_code);
  END IF;
  IF v_household IS NULL OR (p_household IS NOT NULL AND p_household <> v_household) THEN
    RAISE EXCEPTION 'doudi:referral.subject_not_found'
      USING DETAIL = json_build_object('household_id', p_household, 'case_id', p_case, 'alert_id', p_alert)::text,
            ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_items IS NULL OR jsonb_typeof(p_items) <> 'array' OR jsonb_array_length(p_items) = 0
     OR jsonb_array_length(p_items) > 20 THEN
    RAISE EXCEPTION 'doudi:referral.no_items' USING ERRCODE = 'RD000';
  END IF;
  IF char_length(coalesce(p_note, '')) > 500 THEN
    RAISE EXCEPTION 'doudi:referral.bad_item' USING DETAIL = json_build_object('field', 'note')::text,
          ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.referral_send (request_id, household_id, region_code, case_id, alert_id, note, sent_by, sent_at)
  VALUES (p_request, v_household, v_region, p_case, p_alert, coalesce(btrim(p_note), ''), doudi.acting_user(),
          doudi.clock_now())
  RETURNING id INTO v_send_id;
  SELECT v.value::integer INTO v_escalation
  FROM doudi.parameter_value('joint_help', v_region, 'referral_escalation_days', v_today) AS v
  WHERE v.unit = 'working_days';
  SELECT v.value::integer INTO v_months
  FROM doudi.parameter_value('joint_help', v_region, 'duplicate_help_months', v_today) AS v WHERE v.unit = 'months';
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    v_line := v_line + 1;
    SELECT * INTO v_dept FROM doudi.department AS d
    WHERE d.county_code = left(v_region, 6) AND d.code = v_item ->> 'department' AND d.active;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'doudi:referral.unknown_department'
        USING DETAIL = json_build_object('item', v_line, 'department', v_item ->> 'department')::text, ERRCODE = 'RD000';
    END IF;
    v_kind := v_item ->> 'kind';
    IF NOT EXISTS (SELECT 1 FROM doudi.department_help AS h WHERE h.county_code = v_dept.county_code
                   AND h.department = v_dept.code AND h.kind = v_kind AND h.active) THEN
      RAISE EXCEPTION 'doudi:referral.help_not_offered'
        USING DETAIL = json_build_object('item', v_line, 'department', v_dept.name, 'kind', v_kind)::text,
              ERRCODE = 'RD000';
    END IF;
    v_request := btrim(coalesce(v_item ->> 'request', ''));
    IF v_request = '' OR char_length(v_request) > 1000 THEN
      RAISE EXCEPTION 'doudi:referral.bad_item' USING DETAIL = json_build_object('item', v_line, 'field', 'request')::text,
            ERRCODE = 'RD000';
    END IF;
    IF v_item ? 'documents' AND jsonb_typeof(v_item -> 'documents') <> 'array' THEN
      RAISE EXCEPTION 'doudi:referral.bad_item'
        USING DETAIL = json_build_object('item', v_line, 'field', 'documents')::text, ERRCODE = 'RD000';
    END IF;
    SELECT coalesce(array_agg(btrim(e) ORDER BY n), '{}') INTO v_documents
    FROM jsonb_array_elements_text(coalesce(v_item -> 'documents', '[]')) WITH ORDINALITY AS x (e, n)
    WHERE btrim(e) <> '';
    IF cardinality(v_documents) > 20 OR EXISTS (SELECT 1 FROM unnest(v_documents) AS d WHERE char_length(d) > 100) THEN
      RAISE EXCEPTION 'doudi:referral.bad_item'
        USING DETAIL = json_build_object('item', v_line, 'field', 'documents')::text, ERRCODE = 'RD000';
    END IF;
    SELECT d.working_days INTO v_days FROM doudi.department_due_days AS d
    WHERE d.county_code = v_dept.county_code AND d.department = v_dept.code AND d.kind = v_kind
      AND d.effective_from <= v_today
    ORDER BY d.effective_from DESC LIMIT 1;
    IF v_days IS NULL THEN
      RAISE EXCEPTION 'doudi:referral.no_due_days'
        USING DETAIL = json_build_object('item', v_line, 'department', v_dept.name, 'kind', v_kind)::text,
              ERRCODE = 'RD000';
    END IF;
    v_due := (doudi.deadline_after(v_today, v_days, 'working_days')).due;
    BEGIN
      INSERT INTO doudi.referral (send_id, household_id, region_code, department, kind, request, documents, case_id,
                                  alert_id, due_days, due_on, escalate_on, referred_by, duplicate_of)
      VALUES (v_send_id, v_household, v_region, v_dept.code, v_kind, v_request, v_documents, p_case, p_alert, v_days, v_due,
              (doudi.deadline_after(v_due, v_escalation, 'working_days')).due, doudi.acting_user(),
              (SELECT h.id FROM doudi.help_record AS h
               WHERE h.household_id = v_household AND h.kind = v_kind AND v_months IS NOT NULL
                 AND h.given_on > (v_today - make_interval(months => v_months))::date
                 AND h.department IS DISTINCT FROM v_dept.code
               ORDER BY h.given_on DESC, h.id DESC LIMIT 1));
    EXCEPTION WHEN unique_violation THEN
      RAISE EXCEPTION 'doudi:referral.duplicate_item'
        USING DETAIL = json_build_object('item', v_line, 'department', v_dept.name, 'kind', v_kind)::text,
              ERRCODE = 'RD000';
    END;
    v_departments := v_departments || v_dept.name;
  END LOOP;
  IF p_alert IS NOT NULL AND a.state NOT IN ('closed', 'referred') THEN
    UPDATE doudi.alert AS x
    SET state = 'referred', outcome = 'referred', outcome_reason = array_to_string(v_departments, '、'),
        updated_at = now(), version = x.version + 1
    WHERE x.id = p_alert;
  END IF;
  RETURN QUERY SELECT r.id FROM doudi.referral AS r WHERE r.send_id = v_send_id ORDER BY r.id;
END
$$;
REVOKE ALL ON FUNCTION doudi.referral_send(uuid,bigint,bigint,bigint,text,jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.referral_send(uuid,bigint,bigint,bigint,text,jsonb)
  TO doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
