-- `doudi-admin screen` and the daily job: runs the screening rules (p_rules
-- NULL: all) over a region (a code prefix; NULL: everything the caller may
-- see) and returns, per rule, how many alerts it raised, updated, left
-- unchanged and raised again (doudi.screen_apply). A caller other than the
-- superuser screens only within their own scope. The daily job runs as
-- doudi_scheduler, no staff member (docs/deployment.md section 5): it, and
-- only it, screens with trigger 'schedule', over every region.
CREATE OR REPLACE FUNCTION doudi.screen(p_rules text[] DEFAULT NULL, p_region text DEFAULT NULL,
                                        p_trigger text DEFAULT 'manual')
RETURNS TABLE (rule text, raised integer, updated integer, unchanged integer, reraised integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text := p_region;
  scope text;
  unknown text;
BEGIN
  IF session_user <> 'doudi_scheduler' THEN
    PERFORM doudi.require_staff_may('run_screening');
  END IF;
  IF p_trigger IS NULL OR p_trigger <> (CASE WHEN session_user = 'doudi_scheduler' THEN 'schedule' ELSE 'manual' END) THEN
    RAISE EXCEPTION 'doudi:screening.bad_trigger'
      USING DETAIL = json_build_object('trigger', p_trigger)::text, ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT u.code INTO unknown FROM unnest(p_rules) AS u (code)
  WHERE NOT EXISTS (SELECT 1 FROM doudi.alert_rule AS a WHERE a.code = u.code) LIMIT 1;
  IF unknown IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:screening.unknown_rule'
      USING DETAIL = json_build_object('rule', unknown)::text, ERRCODE = 'RD000';
  END IF;
  IF region IS NOT NULL AND region !~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$' THEN
    RAISE EXCEPTION 'doudi:screening.bad_region'
      USING DETAIL = json_build_object('region', region)::text, ERRCODE = 'RD000';
  END IF;
  IF NOT doudi.session_is_superuser() AND session_user <> 'doudi_scheduler' THEN
    scope := doudi.session_scope();
    IF region IS NULL THEN
      region := scope;
    ELSIF NOT (region LIKE scope || '%') THEN
      RAISE EXCEPTION 'doudi:screening.region_outside_scope'
        USING DETAIL = json_build_object('region', region)::text, ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN QUERY SELECT * FROM doudi.screen_apply(p_rules, region, p_trigger, NULL, NULL);
END
$$;
REVOKE ALL ON FUNCTION doudi.screen(text[],text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.screen(text[],text,text) TO doudi_center_admin, doudi_scheduler;
