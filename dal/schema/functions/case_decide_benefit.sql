-- The decided benefit of an approval or adjustment: the latest proposal,
-- in force from the next month.
CREATE OR REPLACE FUNCTION doudi.case_decide_benefit(c doudi.assistance_case, p_step_id bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p doudi.case_amount_proposal;
BEGIN
  SELECT * INTO p FROM doudi.case_amount_proposal AS a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1;
  IF p.fund_code IS NOT NULL AND doudi.charity_fund_left(p.fund_code) < p.one_off_fen THEN
    RAISE EXCEPTION 'doudi:fund.not_enough'
      USING DETAIL = json_build_object('fund', p.fund_code, 'left_fen', doudi.charity_fund_left(p.fund_code))::text,
            ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.case_benefit (case_id, region_code, effective_month, decided_on, monthly_fen, one_off_fen,
                                  working, fund_code, proposal_id, step_id)
  VALUES (c.id, c.region_code, (date_trunc('month', doudi.clock_date()) + interval '1 month')::date,
          doudi.clock_date(), p.monthly_fen, p.one_off_fen, p.working, p.fund_code, p.id, p_step_id);
END
$$;
REVOKE ALL ON FUNCTION doudi.case_decide_benefit(doudi.assistance_case,bigint) FROM PUBLIC;
