-- Triage: ties a report to what the desk made or found for it — the
-- household (found among the candidates or registered anew), an alert, a
-- case (临时救助 first for urgent reports) or a set of referrals — and
-- moves a new report to handling. Each id must be one the caller may see
-- and belong to the report's household; NULL leaves a link as it is.
-- Returns the new version. A closed report is refused.
CREATE OR REPLACE FUNCTION doudi.intake_report_link(p_report bigint, p_version integer, p_household bigint,
                                                    p_alert bigint, p_case bigint, p_send bigint) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.intake_report := doudi.intake_report_for_change(p_report, p_version);
  v_household bigint;
  v_other bigint;
BEGIN
  IF r.state = 'closed' THEN
    RAISE EXCEPTION 'doudi:intake.report_closed' USING DETAIL = json_build_object('report', p_report)::text,
          ERRCODE = 'RD000';
  END IF;
  v_household := coalesce(p_household, r.household_id);
  IF p_household IS NOT NULL AND NOT EXISTS (SELECT FROM doudi.household AS h
                                             WHERE h.id = p_household AND doudi.caller_may_see(h.id, h.region_code)) THEN
    RAISE EXCEPTION 'doudi:intake.link_unknown' USING DETAIL = json_build_object('field', 'household')::text,
          ERRCODE = 'RD000';
  END IF;
  IF p_case IS NOT NULL THEN
    SELECT c.household_id INTO v_other FROM doudi.assistance_case AS c
    WHERE c.id = p_case AND doudi.caller_may_see(c.household_id, c.region_code);
    IF v_other IS NULL OR v_other IS DISTINCT FROM coalesce(v_household, v_other) THEN
      RAISE EXCEPTION 'doudi:intake.link_unknown' USING DETAIL = json_build_object('field', 'case')::text,
            ERRCODE = 'RD000';
    END IF;
    v_household := v_other;
  END IF;
  IF p_send IS NOT NULL THEN
    SELECT s.household_id INTO v_other FROM doudi.referral_send AS s
    WHERE s.id = p_send AND doudi.caller_may_see(s.household_id, s.region_code);
    IF v_other IS NULL OR v_other IS DISTINCT FROM coalesce(v_household, v_other) THEN
      RAISE EXCEPTION 'doudi:intake.link_unknown' USING DETAIL = json_build_object('field', 'referrals')::text,
            ERRCODE = 'RD000';
    END IF;
    v_household := v_other;
  END IF;
  IF p_alert IS NOT NULL THEN
    SELECT a.household_id INTO v_other FROM doudi.alert AS a
    WHERE a.id = p_alert AND a.region_code BETWEEN doudi.scope_low() AND doudi.scope_high();
    IF NOT FOUND OR (v_other IS NOT NULL AND v_household IS NOT NULL AND v_other <> v_household) THEN
      RAISE EXCEPTION 'doudi:intake.link_unknown' USING DETAIL = json_build_object('field', 'alert')::text,
            ERRCODE = 'RD000';
    END IF;
    v_household := coalesce(v_household, v_other);
  END IF;
  UPDATE doudi.intake_report AS x
  SET household_id = v_household,
      alert_id = coalesce(p_alert, x.alert_id),
      case_id = coalesce(p_case, x.case_id),
      referral_send_id = coalesce(p_send, x.referral_send_id),
      state = 'handling',
      handled_at = coalesce(x.handled_at, now()),
      handled_by = coalesce(x.handled_by, doudi.acting_user()),
      version = x.version + 1
  WHERE x.id = p_report;
  RETURN r.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_report_link(bigint,integer,bigint,bigint,bigint,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_report_link(bigint,integer,bigint,bigint,bigint,bigint)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
