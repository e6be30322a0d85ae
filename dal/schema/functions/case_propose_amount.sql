CREATE OR REPLACE FUNCTION doudi.case_propose_amount(p_case_id bigint, p_monthly_fen bigint, p_one_off_fen bigint,
                                          p_working text[], p_fund_code text, p_request_id uuid,
                                          p_over_cap_reason text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  checked record;
  new_proposal bigint;
  fund_left bigint;
BEGIN
  c := doudi.case_for_operation(p_case_id, 'propose_amount', 'amount', p_request_id);
  IF c.id IS NULL THEN RETURN; END IF;
  IF p_monthly_fen IS NULL OR p_one_off_fen IS NULL OR p_monthly_fen < 0 OR p_one_off_fen < 0
     OR (p_monthly_fen = 0 AND p_one_off_fen = 0) THEN
    RAISE EXCEPTION 'doudi:amount.none' USING ERRCODE = 'RD000';
  END IF;
  SELECT * INTO checked FROM doudi.case_check_amount(c, p_monthly_fen, p_one_off_fen, p_over_cap_reason);
  IF (c.program = 'charity') <> (p_fund_code IS NOT NULL) THEN
    RAISE EXCEPTION 'doudi:fund.only_charity' USING ERRCODE = 'RD000';
  END IF;
  IF p_fund_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM doudi.charity_fund AS f WHERE f.code = p_fund_code
                                               AND f.region_prefix = left(c.region_code, length(f.region_prefix))) THEN
    RAISE EXCEPTION 'doudi:fund.other_region'
      USING DETAIL = json_build_object('fund', p_fund_code, 'region', c.region_code)::text, ERRCODE = 'RD000';
  END IF;
  fund_left := CASE WHEN p_fund_code IS NOT NULL THEN coalesce(doudi.charity_fund_left(p_fund_code), 0) END;
  IF fund_left < p_one_off_fen THEN
    RAISE EXCEPTION 'doudi:fund.not_enough'
      USING DETAIL = json_build_object('fund', p_fund_code, 'left_fen', fund_left)::text, ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.case_amount_proposal (case_id, region_code, monthly_fen, one_off_fen, working, fund_code, request_id)
  VALUES (p_case_id, c.region_code, p_monthly_fen, p_one_off_fen, coalesce(p_working, '{}'), p_fund_code, p_request_id)
  RETURNING id INTO new_proposal;
  IF checked.above_cap THEN
    INSERT INTO doudi.case_amount_exception (proposal_id, case_id, region_code, reason, monthly_cap_fen, one_off_cap_fen)
    VALUES (new_proposal, p_case_id, c.region_code, btrim(p_over_cap_reason), checked.monthly_cap, checked.one_off_cap);
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_propose_amount(bigint,bigint,bigint,text[],text,uuid,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_propose_amount(bigint,bigint,bigint,text[],text,uuid,text) TO doudi_township_reviewer, doudi_city_decider;
