-- The report a desk action changes, locked: refused (42501) to a caller
-- who may not triage reports, refused like one that does not exist when it
-- lies outside the caller's scope, and (40001) when the version is not the
-- current one.
CREATE OR REPLACE FUNCTION doudi.intake_report_for_change(p_report bigint, p_version integer) RETURNS doudi.intake_report
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.intake_report;
BEGIN
  PERFORM doudi.require_staff_may('triage_reports');
  SELECT * INTO r FROM doudi.intake_report AS x WHERE x.id = p_report FOR UPDATE;
  IF NOT FOUND OR NOT doudi.caller_may_see(NULL, r.region_code) THEN
    RAISE EXCEPTION 'doudi:intake.report_unknown' USING DETAIL = json_build_object('report', p_report)::text,
          ERRCODE = 'RD000';
  END IF;
  IF r.version <> p_version THEN
    RAISE EXCEPTION 'doudi:intake.report_changed'
      USING DETAIL = json_build_object('report', p_report, 'version', r.version, 'expected_version', p_version)::text,
            ERRCODE = 'serialization_failure';
  END IF;
  RETURN r;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_report_for_change(bigint,integer) FROM PUBLIC;
