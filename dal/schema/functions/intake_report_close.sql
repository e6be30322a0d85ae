-- Closes a report with its outcome (helped, referred, case_opened,
-- no_action or false_report; the last two need a note), or merges it into
-- another report of the same family (p_into: that report must be open
-- and one the caller may see; the reporter then sees that one's state).
-- Returns the new version; the same close sent again after its reply was
-- lost (the version after it, the same outcome, note and target) returns it
-- unchanged, as alert_close does.
CREATE OR REPLACE FUNCTION doudi.intake_report_close(p_report bigint, p_version integer, p_outcome text,
                                                     p_note text, p_into bigint) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.intake_report;
  m doudi.intake_report;
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
BEGIN
  SELECT * INTO r FROM doudi.intake_report AS x WHERE x.id = p_report;
  IF FOUND AND r.version = p_version + 1 AND r.state = 'closed'
     AND r.outcome IS NOT DISTINCT FROM (CASE WHEN p_into IS NOT NULL THEN 'merged' ELSE p_outcome END)
     AND r.merged_into IS NOT DISTINCT FROM p_into
     AND (p_into IS NOT NULL OR r.outcome_note IS NOT DISTINCT FROM v_note) THEN
    -- Scope and lock as for any change: out of scope is "unknown" either way.
    r := doudi.intake_report_for_change(p_report, p_version + 1);
    RETURN r.version;
  END IF;
  r := doudi.intake_report_for_change(p_report, p_version);
  IF r.state = 'closed' THEN
    RAISE EXCEPTION 'doudi:intake.report_closed' USING DETAIL = json_build_object('report', p_report)::text,
          ERRCODE = 'RD000';
  END IF;
  IF p_into IS NOT NULL THEN
    SELECT * INTO m FROM doudi.intake_report AS x WHERE x.id = p_into;
    IF NOT FOUND OR NOT doudi.caller_may_see(NULL, m.region_code) OR m.id = r.id OR m.merged_into IS NOT NULL THEN
      RAISE EXCEPTION 'doudi:intake.merge_target' USING DETAIL = json_build_object('report', p_into)::text,
            ERRCODE = 'RD000';
    END IF;
    p_outcome := 'merged';
    -- reports merged into this one follow the one it is merged into now
    UPDATE doudi.intake_report AS x SET merged_into = p_into, version = x.version + 1
    WHERE x.merged_into = p_report;
  ELSIF p_outcome IS NULL OR p_outcome NOT IN ('helped', 'referred', 'case_opened', 'no_action', 'false_report') THEN
    RAISE EXCEPTION 'doudi:intake.bad_field' USING DETAIL = json_build_object('field', 'outcome')::text,
          ERRCODE = 'RD000';
  ELSIF p_outcome IN ('no_action', 'false_report') AND v_note IS NULL THEN
    RAISE EXCEPTION 'doudi:intake.bad_field' USING DETAIL = json_build_object('field', 'note')::text,
          ERRCODE = 'RD000';
  END IF;
  IF v_note IS NOT NULL AND NOT doudi.text_storable(v_note, 500, true) THEN
    RAISE EXCEPTION 'doudi:intake.bad_field' USING DETAIL = json_build_object('field', 'note')::text,
          ERRCODE = 'RD000';
  END IF;
  UPDATE doudi.intake_report AS x
  SET state = 'closed', outcome = p_outcome, outcome_note = v_note, merged_into = p_into,
      household_id = coalesce(x.household_id, m.household_id),
      handled_at = coalesce(x.handled_at, now()), handled_by = coalesce(x.handled_by, doudi.acting_user()),
      closed_at = now(), closed_by = doudi.acting_user(), version = x.version + 1
  WHERE x.id = p_report;
  RETURN r.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_report_close(bigint,integer,text,text,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_report_close(bigint,integer,text,text,bigint)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
