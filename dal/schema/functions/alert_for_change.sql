-- The alert a caller acts on, locked, at the version they saw; refuses
-- (42501) one they may not see — outside their scope, or a rule their
-- group does not handle — like one that does not exist, and (40001) a
-- version that is not the current one.
CREATE OR REPLACE FUNCTION doudi.alert_for_change(p_alert bigint, p_version integer) RETURNS doudi.alert
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a doudi.alert;
BEGIN
  SELECT * INTO a FROM doudi.alert AS x WHERE x.id = p_alert FOR UPDATE;
  IF NOT FOUND OR NOT (doudi.session_is_superuser()
                       OR (a.region_code BETWEEN doudi.scope_low() AND doudi.scope_high()
                           AND doudi.handles_alerts(a.rule, NULL))) THEN
    RAISE EXCEPTION 'doudi:alert.not_visible'
      USING DETAIL = json_build_object('alert_id', p_alert)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF a.version <> p_version THEN
    RAISE EXCEPTION 'doudi:alert.changed'
      USING DETAIL = json_build_object('alert_id', p_alert, 'version', a.version, 'expected_version', p_version)::text,
            ERRCODE = 'serialization_failure';
  END IF;
  RETURN a;
END
$$;
REVOKE ALL ON FUNCTION doudi.alert_for_change(bigint,integer) FROM PUBLIC;
