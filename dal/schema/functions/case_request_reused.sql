-- Refuses a request id that was used for another change. The other change
-- is not named: it may be a case the caller may not see.
CREATE OR REPLACE FUNCTION doudi.case_request_reused(p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'doudi:request.reused'
    USING DETAIL = json_build_object('request_id', p_request_id)::text, ERRCODE = 'invalid_parameter_value';
END
$$;
REVOKE ALL ON FUNCTION doudi.case_request_reused(uuid) FROM PUBLIC;
