-- The checks and the row every way of recording help shares
-- (doudi.help_record_add, doudi.help_record_correct): the household is the
-- caller's (h), the kind, giver, date, amount and terms are valid, a
-- department is one of the household's county, a fund serves the
-- household's region and has the amount left (p_fund_back: what the record
-- being corrected drew from the same fund, which the correction frees).
-- Called only by those definer functions, as their owner.
CREATE OR REPLACE FUNCTION doudi.help_record_insert(p_request uuid, h doudi.household, p_person bigint,
                                                    p_kind text, p_giver_kind text, p_giver text,
                                                    p_department text, p_fund text, p_given_on date,
                                                    p_amount_fen bigint, p_description text, p_given_by text,
                                                    p_terms text[], p_case bigint, p_referral bigint,
                                                    p_corrects bigint, p_fund_back bigint) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  max_fen constant bigint := 100000000;  -- 100万元: more is a typing error
  fund doudi.charity_fund;
  giver text := btrim(coalesce(p_giver, ''));
  department_name text;
  fund_left bigint;
  bad_term text;
  new_id bigint;
BEGIN
  IF p_kind IS NULL OR p_kind NOT IN ('cash', 'in_kind', 'service', 'job', 'school_aid', 'medical_aid', 'housing',
                                      'care') THEN
    RAISE EXCEPTION 'doudi:help.bad_kind' USING DETAIL = json_build_object('kind', p_kind)::text, ERRCODE = 'RD000';
  END IF;
  IF p_giver_kind IS NULL OR p_giver_kind NOT IN ('department', 'fund', 'enterprise', 'social_worker', 'other') THEN
    RAISE EXCEPTION 'doudi:help.bad_giver_kind'
      USING DETAIL = json_build_object('giver_kind', p_giver_kind)::text, ERRCODE = 'RD000';
  END IF;
  IF p_given_on IS NULL OR p_given_on > doudi.clock_date() OR p_given_on < DATE '2000-01-01' THEN
    RAISE EXCEPTION 'doudi:help.bad_date'
      USING DETAIL = json_build_object('given_on', p_given_on, 'today', doudi.clock_date())::text, ERRCODE = 'RD000';
  END IF;
  IF p_amount_fen IS NOT NULL AND (p_amount_fen <= 0 OR p_amount_fen > max_fen) THEN
    RAISE EXCEPTION 'doudi:help.bad_amount'
      USING DETAIL = json_build_object('amount_fen', p_amount_fen, 'max_fen', max_fen)::text, ERRCODE = 'RD000';
  END IF;
  IF p_amount_fen IS NULL AND coalesce(btrim(p_description), '') = '' THEN
    RAISE EXCEPTION 'doudi:help.nothing_given' USING ERRCODE = 'RD000';
  END IF;
  IF char_length(coalesce(p_description, '')) > 500 OR char_length(coalesce(p_given_by, '')) > 50
     OR char_length(giver) > 100 THEN
    RAISE EXCEPTION 'doudi:help.text_too_long'
      USING DETAIL = json_build_object('field', CASE WHEN char_length(giver) > 100 THEN 'giver'
                                                     WHEN char_length(coalesce(p_given_by, '')) > 50 THEN 'given_by'
                                                     ELSE 'description' END)::text,
            ERRCODE = 'RD000';
  END IF;
  SELECT t INTO bad_term FROM unnest(coalesce(p_terms, '{}')) AS t
  WHERE t IS NULL OR NOT EXISTS (SELECT FROM doudi.support_term AS s WHERE s.code = t) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'doudi:help.bad_term' USING DETAIL = json_build_object('term', bad_term)::text, ERRCODE = 'RD000';
  END IF;
  IF p_person IS NOT NULL AND NOT EXISTS (SELECT FROM doudi.person AS p
                                          WHERE p.id = p_person AND p.household_id = h.id) THEN
    RAISE EXCEPTION 'doudi:help.person_not_member'
      USING DETAIL = json_build_object('person_id', p_person, 'household_id', h.id)::text, ERRCODE = 'RD000';
  END IF;
  IF p_case IS NOT NULL AND NOT EXISTS (SELECT FROM doudi.assistance_case AS c
                                        WHERE c.id = p_case AND c.household_id = h.id) THEN
    RAISE EXCEPTION 'doudi:help.case_not_of_household'
      USING DETAIL = json_build_object('case_id', p_case, 'household_id', h.id)::text, ERRCODE = 'RD000';
  END IF;
  IF p_giver_kind = 'department' THEN
    SELECT d.name INTO department_name FROM doudi.department AS d
    WHERE d.county_code = left(h.region_code, 6) AND d.code = p_department;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'doudi:help.department_not_found'
        USING DETAIL = json_build_object('department', p_department, 'county', left(h.region_code, 6))::text,
              ERRCODE = 'RD000';
    END IF;
    giver := coalesce(nullif(giver, ''), department_name);
  ELSIF p_giver_kind = 'fund' THEN
    -- The fund's row is locked: two grants at once cannot both take what is left.
    SELECT * INTO fund FROM doudi.charity_fund AS f WHERE f.code = p_fund FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'doudi:fund.not_found' USING DETAIL = json_build_object('fund', p_fund)::text, ERRCODE = 'RD000';
    END IF;
    IF fund.region_prefix <> left(h.region_code, length(fund.region_prefix)) THEN
      RAISE EXCEPTION 'doudi:fund.other_region'
        USING DETAIL = json_build_object('fund', p_fund, 'region', h.region_code)::text, ERRCODE = 'RD000';
    END IF;
    IF p_amount_fen IS NULL THEN
      RAISE EXCEPTION 'doudi:help.fund_amount_required'
        USING DETAIL = json_build_object('fund', p_fund)::text, ERRCODE = 'RD000';
    END IF;
    fund_left := coalesce(doudi.charity_fund_left(p_fund), 0) + coalesce(p_fund_back, 0);
    IF fund_left < p_amount_fen THEN
      RAISE EXCEPTION 'doudi:fund.not_enough'
        USING DETAIL = json_build_object('fund', p_fund, 'left_fen', fund_left)::text, ERRCODE = 'RD000';
    END IF;
    giver := coalesce(nullif(giver, ''), fund.name);
  ELSIF giver = '' THEN
    RAISE EXCEPTION 'doudi:help.giver_required'
      USING DETAIL = json_build_object('giver_kind', p_giver_kind)::text, ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.help_record (request_id, household_id, region_code, person_id, kind, giver_kind, giver,
                                 department, fund_code, given_on, amount_fen, description, given_by, terms,
                                 referral_id, case_id, corrects_id, on_behalf, recorded_at, recorded_by)
  VALUES (p_request, h.id, h.region_code, p_person, p_kind, p_giver_kind, giver,
          CASE WHEN p_giver_kind = 'department' THEN p_department END,
          CASE WHEN p_giver_kind = 'fund' THEN p_fund END, p_given_on, p_amount_fen,
          btrim(coalesce(p_description, '')), btrim(coalesce(p_given_by, '')),
          (SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}') FROM unnest(coalesce(p_terms, '{}')) AS t),
          p_referral, p_case, p_corrects, p_giver_kind = 'department', doudi.clock_now(), doudi.acting_user())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.help_record_insert(uuid,doudi.household,bigint,text,text,text,text,text,date,bigint,text,
                                                text,text[],bigint,bigint,bigint,bigint) FROM PUBLIC;
