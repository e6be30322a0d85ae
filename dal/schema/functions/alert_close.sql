-- Closes an alert with its outcome: case_opened (p_case: a case of the
-- alert's household, or of the household its person is now a member of),
-- no_action or false_alarm (p_reason required), or referred (p_reason: to
-- whom; the alert stays open in state referred until its referrals have
-- feedback). Returns the new version; the same close sent again (the
-- version after it, the same outcome) returns it unchanged.
CREATE OR REPLACE FUNCTION doudi.alert_close(p_alert bigint, p_version integer, p_outcome text, p_reason text,
                                             p_case bigint) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a doudi.alert;
  case_household bigint;
BEGIN
  SELECT * INTO a FROM doudi.alert AS x WHERE x.id = p_alert;
  IF FOUND AND a.version = p_version + 1 AND a.outcome IS NOT DISTINCT FROM p_outcome
     AND a.outcome_case_id IS NOT DISTINCT FROM p_case THEN
    a := doudi.alert_for_change(p_alert, p_version + 1);
    RETURN a.version;
  END IF;
  a := doudi.alert_for_change(p_alert, p_version);
  IF a.state = 'closed' THEN
    RAISE EXCEPTION 'doudi:alert.closed' USING DETAIL = json_build_object('alert_id', p_alert)::text, ERRCODE = 'RD000';
  END IF;
  IF p_outcome IS NULL OR p_outcome NOT IN ('case_opened', 'no_action', 'false_alarm', 'referred') THEN
    RAISE EXCEPTION 'doudi:alert.bad_outcome'
      USING DETAIL = json_build_object('outcome', p_outcome)::text, ERRCODE = 'RD000';
  END IF;
  IF p_outcome IN ('no_action', 'false_alarm', 'referred') AND coalesce(btrim(p_reason), '') = '' THEN
    RAISE EXCEPTION 'doudi:alert.reason_required'
      USING DETAIL = json_build_object('outcome', p_outcome)::text, ERRCODE = 'RD000';
  END IF;
  IF p_outcome = 'case_opened' THEN
    SELECT c.household_id INTO case_household FROM doudi.assistance_case AS c
    WHERE c.id = p_case AND doudi.caller_may_see(c.household_id, c.region_code)
      AND (c.household_id = a.household_id
           OR EXISTS (SELECT 1 FROM doudi.person AS p WHERE p.household_id = c.household_id
                                                       AND p.id_number = a.id_number AND p.left_on IS NULL));
    IF case_household IS NULL THEN
      RAISE EXCEPTION 'doudi:alert.case_not_of_subject'
        USING DETAIL = json_build_object('alert_id', p_alert, 'case_id', p_case)::text, ERRCODE = 'RD000';
    END IF;
  END IF;
  UPDATE doudi.alert AS x
  SET state = CASE WHEN p_outcome = 'referred' THEN 'referred' ELSE 'closed' END, outcome = p_outcome,
      outcome_reason = nullif(btrim(coalesce(p_reason, '')), ''),
      outcome_case_id = CASE WHEN p_outcome = 'case_opened' THEN p_case END,
      household_id = coalesce(x.household_id, case_household),
      closed_at = CASE WHEN p_outcome = 'referred' THEN NULL ELSE now() END,
      closed_by = CASE WHEN p_outcome = 'referred' THEN NULL ELSE doudi.acting_user() END,
      closed_figure_fen = x.figure_fen, updated_at = now(), version = x.version + 1
  WHERE x.id = p_alert;
  RETURN a.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.alert_close(bigint,integer,text,text,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.alert_close(bigint,integer,text,text,bigint) TO doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
