-- The case a staff operation is about to change, locked; or NULL when this
-- request id was already applied to it (the caller then does nothing more:
-- a retry changes nothing). Refuses a caller whose group may not perform the
-- operation (doudi.require_staff_may) and a case in a state the operation
-- does not take (doudi.require_operation_state): both from
-- assets/rules/staff_capabilities.csv. A case of a close relative of staff
-- may need another operation (p_close_relative_operation: its survey is the
-- city's).
CREATE OR REPLACE FUNCTION doudi.case_for_operation(p_case_id bigint, p_operation text, p_request_kind text,
                                                    p_request_id uuid, p_close_relative_operation text DEFAULT NULL)
RETURNS doudi.assistance_case
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  operation text := p_operation;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  IF doudi.case_request_done(p_request_kind, p_request_id, p_case_id) THEN RETURN NULL; END IF;
  c := doudi.case_for_change(p_case_id);
  IF c.close_relative AND p_close_relative_operation IS NOT NULL THEN
    operation := p_close_relative_operation;
  END IF;
  PERFORM doudi.require_staff_may(operation);
  PERFORM doudi.require_operation_state(c, operation);
  RETURN c;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_for_operation(bigint, text, text, uuid, text) FROM PUBLIC;
