-- Whether the survey, evidence, amount or confirmation (p_kind) under the
-- request id was already recorded for the case; refuses one recorded for
-- another case.
CREATE OR REPLACE FUNCTION doudi.case_request_done(p_kind text, p_request_id uuid, p_case_id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  owner_case bigint;
BEGIN
  SELECT x.case_id INTO owner_case FROM (
    SELECT s.case_id FROM doudi.case_survey AS s WHERE p_kind = 'survey' AND s.request_id = p_request_id
    UNION ALL
    SELECT e.case_id FROM doudi.case_evidence AS e WHERE p_kind = 'evidence' AND e.request_id = p_request_id
    UNION ALL
    SELECT a.case_id FROM doudi.case_amount_proposal AS a WHERE p_kind = 'amount' AND a.request_id = p_request_id
    UNION ALL
    SELECT k.case_id FROM doudi.case_amount_confirmation AS k
    WHERE p_kind = 'confirmation' AND k.request_id = p_request_id
  ) AS x;
  IF NOT FOUND THEN RETURN false; END IF;
  IF owner_case IS DISTINCT FROM p_case_id THEN PERFORM doudi.case_request_reused(p_request_id); END IF;
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_request_done(text,uuid,bigint) FROM PUBLIC;
