-- As in 0011; the amount requirement now also needs the latest proposal
-- within the caps in force, or its exception confirmed.
CREATE OR REPLACE FUNCTION doudi.case_check_requirement(c doudi.assistance_case, p_requires text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  since timestamptz := doudi.case_last_step_at(c.id);
  missing text;
  p doudi.case_amount_proposal;
  ex doudi.case_amount_exception;
BEGIN
  IF p_requires = 'amount' THEN
    SELECT * INTO p FROM doudi.case_amount_proposal AS x
    WHERE x.case_id = c.id
      AND x.id > coalesce((SELECT max(b.proposal_id) FROM doudi.case_benefit AS b WHERE b.case_id = c.id), 0)
    ORDER BY x.id DESC LIMIT 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'case %: no amount is proposed', c.id USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO ex FROM doudi.case_amount_exception AS x WHERE x.proposal_id = p.id;
    IF NOT FOUND THEN
      -- Within the caps in force now (a standard lowered, a member gone,
      -- or a proposal older than the caps).
      PERFORM doudi.case_check_amount(c, p.monthly_fen, p.one_off_fen, NULL);
    ELSIF NOT EXISTS (SELECT 1 FROM doudi.case_amount_confirmation AS k WHERE k.exception_id = ex.id) THEN
      RAISE EXCEPTION 'doudi:amount.unconfirmed: case %: the amount proposed is above the cap (%) and waits for the confirmation of a second city decider',
        c.id, ex.reason USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN;
  END IF;
  missing := CASE p_requires
    WHEN 'none' THEN NULL
    WHEN 'survey' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_survey AS s WHERE s.case_id = c.id AND s.recorded_at >= since)
           THEN 'the home survey (two surveyors) is not recorded' END
    WHEN 'verification_report' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'verification_report' AND e.added_at >= since)
           THEN 'the economic-status verification report is not attached' END
    WHEN 'appraisal_record' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'appraisal_record' AND e.added_at >= since)
           THEN 'the democratic-appraisal record is not attached' END
    WHEN 'notice_ended' THEN
      CASE WHEN c.notice_end IS NULL OR doudi.clock_date() < c.notice_end
           THEN format('the public notice runs until %s', c.notice_end) END
  END;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'case %: %', c.id, missing USING ERRCODE = 'invalid_parameter_value';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_check_requirement(doudi.assistance_case,text) FROM PUBLIC;
