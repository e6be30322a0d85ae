-- Corrects a help record: records are never changed, a correction is a new
-- record naming the one it corrects (corrects_id), which then counts no
-- more (in the summary, in its fund's balance). It keeps the household,
-- person, referral and case of the corrected record; the rest is given
-- anew. A record is corrected once: the latest of a chain is corrected.
-- Returns the correction's id; the same request again returns it.
CREATE OR REPLACE FUNCTION doudi.help_record_correct(p_request uuid, p_corrects bigint, p_kind text,
                                                     p_giver_kind text, p_giver text, p_department text,
                                                     p_fund text, p_given_on date, p_amount_fen bigint,
                                                     p_description text, p_given_by text, p_terms text[])
  RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old doudi.help_record;
  h doudi.household;
  done bigint;
  later bigint;
BEGIN
  PERFORM doudi.require_staff_may('record_help');
  SELECT * INTO old FROM doudi.help_record AS r WHERE r.id = p_corrects;
  IF FOUND THEN
    SELECT * INTO h FROM doudi.household AS x WHERE x.id = old.household_id;
  END IF;
  IF h.id IS NULL OR NOT doudi.caller_may_see(h.id, h.region_code) THEN
    RAISE EXCEPTION 'doudi:help.not_found'
      USING DETAIL = json_build_object('help_id', p_corrects)::text, ERRCODE = 'no_data_found';
  END IF;
  done := doudi.help_request_done(p_request, old.household_id, p_corrects);
  IF done IS NOT NULL THEN
    RETURN done;
  END IF;
  SELECT r.id INTO later FROM doudi.help_record AS r WHERE r.corrects_id = p_corrects;
  IF FOUND THEN
    RAISE EXCEPTION 'doudi:help.already_corrected'
      USING DETAIL = json_build_object('help_id', p_corrects, 'by', later)::text, ERRCODE = 'RD000';
  END IF;
  RETURN doudi.help_record_insert(p_request, h, old.person_id, p_kind, p_giver_kind, p_giver, p_department, p_fund,
                                  p_given_on, p_amount_fen, p_description, p_given_by, p_terms, old.case_id,
                                  old.referral_id, p_corrects,
                                  CASE WHEN old.giver_kind = 'fund' AND old.fund_code = p_fund THEN old.amount_fen END);
END
$$;
REVOKE ALL ON FUNCTION doudi.help_record_correct(uuid,bigint,text,text,text,text,text,date,bigint,text,text,text[])
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.help_record_correct(uuid,bigint,text,text,text,text,text,date,bigint,text,text,text[])
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
