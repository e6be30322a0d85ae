-- Waits for any other transaction working under the same request id, so
-- that the lookup after it sees that transaction's outcome (READ COMMITTED:
-- each statement reads what was committed when it started).
CREATE OR REPLACE FUNCTION doudi.case_request_lock(p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_request_id IS NULL THEN
    RAISE EXCEPTION 'doudi:request.missing' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('doudi.case_request'),
                                           pg_catalog.hashtext(p_request_id::text));
END
$$;
REVOKE ALL ON FUNCTION doudi.case_request_lock(uuid) FROM PUBLIC;
