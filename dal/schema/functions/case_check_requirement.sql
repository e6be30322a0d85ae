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
      RAISE EXCEPTION 'doudi:case.no_amount' USING DETAIL = json_build_object('case_id', c.id)::text, ERRCODE = 'RD000';
    END IF;
    SELECT * INTO ex FROM doudi.case_amount_exception AS x WHERE x.proposal_id = p.id;
    IF NOT FOUND THEN
      -- Within the caps in force now (a standard lowered, a member gone,
      -- or a proposal older than the caps).
      PERFORM doudi.case_check_amount(c, p.monthly_fen, p.one_off_fen, NULL);
    ELSIF NOT EXISTS (SELECT 1 FROM doudi.case_amount_confirmation AS k WHERE k.exception_id = ex.id) THEN
      RAISE EXCEPTION 'doudi:amount.unconfirmed'
        USING DETAIL = json_build_object('case_id', c.id)::text, ERRCODE = 'RD000';
    END IF;
    RETURN;
  END IF;
  missing := CASE p_requires
    WHEN 'none' THEN NULL
    WHEN 'survey' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_survey AS s WHERE s.case_id = c.id AND s.recorded_at >= since)
           THEN 'case.survey_missing' END
    WHEN 'verification_report' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'verification_report' AND e.added_at >= since)
           THEN 'case.verification_report_missing' END
    WHEN 'appraisal_record' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'appraisal_record' AND e.added_at >= since)
           THEN 'case.appraisal_record_missing' END
    WHEN 'notice_ended' THEN
      CASE WHEN c.notice_end IS NULL OR doudi.clock_date() < c.notice_end
           THEN 'case.notice_running' END
  END;
  IF missing IS NOT NULL THEN
    -- The codes above: 'doudi:case.survey_missing', 'doudi:case.verification_report_missing',
    -- 'doudi:case.appraisal_record_missing', 'doudi:case.notice_running'.
    RAISE EXCEPTION USING MESSAGE = 'doudi:' || missing,
      DETAIL = json_build_object('case_id', c.id, 'notice_end', c.notice_end)::text, ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_check_requirement(doudi.assistance_case,text) FROM PUBLIC;
