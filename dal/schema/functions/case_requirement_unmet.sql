-- Whether what a case step requires (assets/rules/case_transitions.csv, the
-- requires column) is on record for the case now: nothing (both NULL) when
-- it is, else the refusal that says what is missing, as its message
-- ('doudi:<code>') and DETAIL. The one answer case_check_requirement
-- (taking the step) and case_missing_requirements (the desk's "what
-- is missing") share:
--   survey               a home survey recorded since the case's last step
--   verification_report, appraisal_record
--                        evidence of that kind added since the last step
--                        that has a file in force (attachment_in_force):
--                        a title alone is not a report
--   authorization        the family's signed authorization for the
--                        verification (核对授权书) in force, attached to the
--                        case's household or to the case
--   notice_ended         the public notice has run its days
--   amount               the latest undecided proposal, within the caps in
--                        force now (doudi.case_check_amount) or with its
--                        exception confirmed
CREATE OR REPLACE FUNCTION doudi.case_requirement_unmet(c doudi.assistance_case, p_requires text, OUT message text,
                                                        OUT detail text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  since timestamptz := doudi.case_last_step_at(c.id);
  p doudi.case_amount_proposal;
  ex doudi.case_amount_exception;
BEGIN
  IF p_requires = 'amount' THEN
    SELECT * INTO p FROM doudi.case_amount_proposal AS x
    WHERE x.case_id = c.id
      AND x.id > coalesce((SELECT max(b.proposal_id) FROM doudi.case_benefit AS b WHERE b.case_id = c.id), 0)
    ORDER BY x.id DESC LIMIT 1;
    IF NOT FOUND THEN
      message := 'doudi:case.no_amount';
      detail := json_build_object('case_id', c.id)::text;
      RETURN;
    END IF;
    SELECT * INTO ex FROM doudi.case_amount_exception AS x WHERE x.proposal_id = p.id;
    IF NOT FOUND THEN
      -- Within the caps in force now (a standard lowered, a member gone,
      -- or a proposal older than the caps): its refusal, as it words it.
      BEGIN
        PERFORM doudi.case_check_amount(c, p.monthly_fen, p.one_off_fen, NULL);
      EXCEPTION WHEN SQLSTATE 'RD000' THEN
        GET STACKED DIAGNOSTICS message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
      END;
    ELSIF NOT EXISTS (SELECT 1 FROM doudi.case_amount_confirmation AS k WHERE k.exception_id = ex.id) THEN
      message := 'doudi:amount.unconfirmed';
      detail := json_build_object('case_id', c.id)::text;
    END IF;
    RETURN;
  END IF;
  message := CASE p_requires
    WHEN 'none' THEN NULL
    WHEN 'survey' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_survey AS s WHERE s.case_id = c.id AND s.recorded_at >= since)
           THEN 'doudi:case.survey_missing' END
    WHEN 'verification_report' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'verification_report' AND e.added_at >= since
                            AND doudi.attachment_in_force('evidence', e.id, NULL))
           THEN 'doudi:case.verification_report_missing' END
    WHEN 'appraisal_record' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'appraisal_record' AND e.added_at >= since
                            AND doudi.attachment_in_force('evidence', e.id, NULL))
           THEN 'doudi:case.appraisal_record_missing' END
    WHEN 'authorization' THEN
      CASE WHEN NOT (doudi.attachment_in_force('household', c.household_id, 'authorization')
                     OR doudi.attachment_in_force('case', c.id, 'authorization'))
           THEN 'doudi:case.authorization_missing' END
    WHEN 'notice_ended' THEN
      CASE WHEN c.notice_end IS NULL OR doudi.clock_date() < c.notice_end
           THEN 'doudi:case.notice_running' END
  END;
  IF message IS NOT NULL THEN
    detail := json_build_object('case_id', c.id, 'notice_end', c.notice_end)::text;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_requirement_unmet(doudi.assistance_case,text) FROM PUBLIC;
