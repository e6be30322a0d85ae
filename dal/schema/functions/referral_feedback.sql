-- The department's feedback on a referral: what was given (the kind of
-- help, an amount in fen or a description, the date, the department's
-- person, the 四帮四扶 terms it counts under), stored as a help record of
-- the household, and the referral done. The center recording it is marked
-- as answering on the department's behalf. Returns the new version; the
-- same request sent again returns it without a second record.
CREATE OR REPLACE FUNCTION doudi.referral_feedback(p_referral bigint, p_version integer, p_request uuid,
                                                   p_kind text, p_amount_fen bigint, p_description text,
                                                   p_given_on date, p_given_by text, p_terms text[])
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.referral;
  earlier doudi.help_record;
  on_behalf boolean := doudi.session_group() IS DISTINCT FROM 'department_liaison';
  field text;
BEGIN
  SELECT * INTO earlier FROM doudi.help_record AS h WHERE h.request_id = p_request;
  IF FOUND THEN
    IF earlier.referral_id IS DISTINCT FROM p_referral OR earlier.recorded_by <> doudi.acting_user() THEN
      RAISE EXCEPTION 'doudi:referral.request_reused' USING ERRCODE = 'RD000';
    END IF;
    r := doudi.referral_for_answer(p_referral, (SELECT x.version FROM doudi.referral AS x WHERE x.id = p_referral));
    RETURN r.version;
  END IF;
  r := doudi.referral_for_answer(p_referral, p_version);
  PERFORM doudi.referral_require_open(r);
  field := CASE
    WHEN p_request IS NULL THEN 'request_id'
    WHEN p_kind IS NULL OR p_kind NOT IN ('cash', 'in_kind', 'service', 'job', 'school_aid', 'medical_aid',
                                          'housing', 'care') THEN 'kind'
    WHEN p_amount_fen IS NOT NULL AND (p_amount_fen <= 0 OR p_amount_fen > 100000000) THEN 'amount_fen'
    WHEN p_amount_fen IS NULL AND coalesce(btrim(p_description), '') = '' THEN 'description'
    WHEN char_length(coalesce(p_description, '')) > 500 THEN 'description'
    WHEN p_given_on IS NULL OR p_given_on > doudi.clock_date() OR p_given_on < r.referred_at::date - 366
      THEN 'given_on'
    WHEN coalesce(btrim(p_given_by), '') = '' OR char_length(p_given_by) > 50 THEN 'given_by'
    WHEN NOT coalesce(p_terms, '{}') <@ ARRAY['help_job', 'help_medical', 'help_school', 'help_housing',
                                              'support_poverty', 'support_old_young', 'support_disabled',
                                              'support_morale'] THEN 'terms'
  END;
  IF field IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:referral.bad_feedback'
      USING DETAIL = json_build_object('referral_id', p_referral, 'field', field)::text, ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.help_record (request_id, household_id, region_code, kind, giver_kind, giver, department,
                                 given_on, amount_fen, description, given_by, terms, referral_id, case_id,
                                 on_behalf, recorded_by)
  SELECT p_request, r.household_id, r.region_code, p_kind, 'department', d.name, r.department, p_given_on,
         p_amount_fen, coalesce(btrim(p_description), ''), btrim(p_given_by), coalesce(p_terms, '{}'), r.id,
         r.case_id, on_behalf, doudi.acting_user()
  FROM doudi.department AS d WHERE d.county_code = r.county_code AND d.code = r.department;
  UPDATE doudi.referral AS x
  SET state = 'done', closed_at = doudi.clock_now(), closed_by = doudi.acting_user(), closed_on_behalf = on_behalf,
      access_until = doudi.referral_access_until(x.region_code),
      version = x.version + 1, updated_at = now()
  WHERE x.id = p_referral;
  RETURN r.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.referral_feedback(bigint,integer,uuid,text,bigint,text,date,text,text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.referral_feedback(bigint,integer,uuid,text,bigint,text,date,text,text[])
  TO doudi_department_liaison, doudi_center_admin;
