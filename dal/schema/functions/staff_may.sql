-- Whether the caller may perform a staff operation: a row of
-- doudi.staff_capability for their group (assets/rules/staff_capabilities.csv),
-- or the set-up superuser, who may do everything. Refuses (22023) an
-- operation the table does not know: a misspelt code must not quietly deny.
CREATE OR REPLACE FUNCTION doudi.staff_may(p_operation text) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM doudi.staff_operation AS o WHERE o.operation = p_operation) THEN
    RAISE EXCEPTION 'doudi:staff.unknown_operation'
      USING DETAIL = json_build_object('action', p_operation)::text, ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN doudi.session_is_superuser()
      OR EXISTS (SELECT 1 FROM doudi.staff_capability AS c
                 WHERE c.operation = p_operation AND c.staff_group = doudi.session_group());
END
$$;
REVOKE ALL ON FUNCTION doudi.staff_may(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.staff_may(text) TO doudi_user, doudi_scope_reader, doudi_user_manager, doudi_watchdog,
  doudi_scheduler;
