-- 线上线下核查: records one check of an alert (online, or a home visit) with
-- its findings; a new alert moves to "being verified". Returns the alert's
-- new version. A retried request (same p_request) returns what it gave.
CREATE OR REPLACE FUNCTION doudi.alert_verify(p_alert bigint, p_version integer, p_method text, p_findings text,
                                              p_request uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a doudi.alert;
  done bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_request::text, 14));
  SELECT v.alert_id INTO done FROM doudi.alert_verification AS v WHERE v.request_id = p_request;
  IF FOUND THEN
    IF done = p_alert THEN
      RETURN (SELECT x.version FROM doudi.alert AS x WHERE x.id = p_alert);
    END IF;
    RAISE EXCEPTION 'doudi:alert.request_reused'
      USING DETAIL = json_build_object('request_id', p_request)::text, ERRCODE = 'RD000';
  END IF;
  a := doudi.alert_for_change(p_alert, p_version);
  IF a.state = 'closed' THEN
    RAISE EXCEPTION 'doudi:alert.closed' USING DETAIL = json_build_object('alert_id', p_alert)::text, ERRCODE = 'RD000';
  END IF;
  IF p_method IS NULL OR p_method NOT IN ('online', 'home_visit') THEN
    RAISE EXCEPTION 'doudi:alert.bad_method'
      USING DETAIL = json_build_object('method', p_method)::text, ERRCODE = 'RD000';
  END IF;
  IF coalesce(btrim(p_findings), '') = '' OR char_length(p_findings) > 2000 THEN
    RAISE EXCEPTION 'doudi:alert.findings_required' USING ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.alert_verification (alert_id, region_code, method, findings, verified_by, request_id)
  VALUES (p_alert, a.region_code, p_method, btrim(p_findings), doudi.acting_user(), p_request);
  UPDATE doudi.alert AS x
  SET state = CASE WHEN x.state = 'new' THEN 'verifying' ELSE x.state END, updated_at = now(),
      version = x.version + 1
  WHERE x.id = p_alert;
  RETURN a.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.alert_verify(bigint,integer,text,text,uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.alert_verify(bigint,integer,text,text,uuid) TO doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
