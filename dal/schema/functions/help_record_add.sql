-- Records help a household received (帮扶措施): from a charity fund (its
-- grant draws on the fund: doudi.charity_fund_left), an enterprise, a social
-- worker or another giver, or from a department recorded by the center on
-- its behalf (a department's own answer to a referral comes through
-- doudi.referral_feedback). p_terms: the 四帮四扶 terms it counts under
-- (empty: its kind's, doudi.support_term_source). Returns the record's id;
-- the same request sent again returns the same id and records nothing.
CREATE OR REPLACE FUNCTION doudi.help_record_add(p_request uuid, p_household bigint, p_person bigint, p_kind text,
                                                 p_giver_kind text, p_giver text, p_department text, p_fund text,
                                                 p_given_on date, p_amount_fen bigint, p_description text,
                                                 p_given_by text, p_terms text[], p_case bigint) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  h doudi.household;
  done bigint;
BEGIN
  PERFORM doudi.require_staff_may('record_help');
  SELECT * INTO h FROM doudi.household AS x WHERE x.id = p_household;
  IF NOT FOUND OR NOT doudi.caller_may_see(h.id, h.region_code) THEN
    RAISE EXCEPTION 'doudi:help.household_not_found'
      USING DETAIL = json_build_object('household_id', p_household)::text, ERRCODE = 'no_data_found';
  END IF;
  done := doudi.help_request_done(p_request, p_household, NULL);
  IF done IS NOT NULL THEN
    RETURN done;
  END IF;
  RETURN doudi.help_record_insert(p_request, h, p_person, p_kind, p_giver_kind, p_giver, p_department, p_fund,
                                  p_given_on, p_amount_fen, p_description, p_given_by, p_terms, p_case, NULL, NULL,
                                  NULL);
END
$$;
REVOKE ALL ON FUNCTION doudi.help_record_add(uuid,bigint,bigint,text,text,text,text,text,date,bigint,text,text,text[],
                                             bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.help_record_add(uuid,bigint,bigint,text,text,text,text,text,date,bigint,text,text,
                                                text[],bigint) TO doudi_village_clerk, doudi_township_reviewer,
  doudi_city_decider, doudi_center_admin;
