-- Marks a case's or an alert's help closed (帮扶办结): refused
-- (doudi:referral.feedback_missing, with how many) while a referral of it
-- still waits for its department's answer. Decisions and notices never
-- wait for referrals; only this mark does. An alert the desk referred
-- (state referred) closes with it. Setting a mark already set changes
-- nothing.
CREATE OR REPLACE FUNCTION doudi.help_close(p_case bigint, p_alert bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_open integer;
  v_case doudi.assistance_case;
BEGIN
  PERFORM doudi.require_staff_may('close_help');
  IF (p_case IS NULL) = (p_alert IS NULL) THEN
    RAISE EXCEPTION 'doudi:referral.subject_not_found'
      USING DETAIL = json_build_object('case_id', p_case, 'alert_id', p_alert)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_case IS NOT NULL THEN
    SELECT * INTO v_case FROM doudi.assistance_case AS c WHERE c.id = p_case FOR UPDATE;
    IF NOT FOUND OR NOT doudi.caller_may_see(v_case.household_id, v_case.region_code) THEN
      RAISE EXCEPTION 'doudi:referral.subject_not_found'
        USING DETAIL = json_build_object('case_id', p_case)::text, ERRCODE = 'insufficient_privilege';
    END IF;
  ELSE
    PERFORM doudi.alert_for_change(p_alert, (SELECT x.version FROM doudi.alert AS x WHERE x.id = p_alert));
  END IF;
  SELECT count(*) INTO v_open FROM doudi.referral AS r
  WHERE (r.case_id = p_case OR r.alert_id = p_alert) AND r.state IN ('sent', 'accepted');
  IF v_open > 0 THEN
    RAISE EXCEPTION 'doudi:referral.feedback_missing'
      USING DETAIL = json_build_object('case_id', p_case, 'alert_id', p_alert, 'open', v_open)::text,
            ERRCODE = 'RD000';
  END IF;
  IF p_case IS NOT NULL THEN
    UPDATE doudi.assistance_case AS c SET help_closed_at = now(), help_closed_by = doudi.acting_user()
    WHERE c.id = p_case AND c.help_closed_at IS NULL;
  ELSE
    UPDATE doudi.alert AS x
    SET help_closed_at = now(), help_closed_by = doudi.acting_user(),
        state = CASE WHEN x.state = 'referred' THEN 'closed' ELSE x.state END,
        closed_at = CASE WHEN x.state = 'referred' THEN now() ELSE x.closed_at END,
        closed_by = CASE WHEN x.state = 'referred' THEN doudi.acting_user() ELSE x.closed_by END,
        updated_at = now(), version = x.version + 1
    WHERE x.id = p_alert AND x.help_closed_at IS NULL;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.help_close(bigint,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.help_close(bigint,bigint) TO doudi_township_reviewer, doudi_city_decider,
  doudi_center_admin;
