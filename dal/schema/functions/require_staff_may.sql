-- Refuses (42501, doudi:staff.wrong_group) a caller who may not perform the
-- staff operation (doudi.staff_may), naming the groups that may.
CREATE OR REPLACE FUNCTION doudi.require_staff_may(p_operation text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT doudi.staff_may(p_operation) THEN
    RAISE EXCEPTION 'doudi:staff.wrong_group'
      USING DETAIL = json_build_object('action', p_operation, 'groups',
                                       (SELECT array_agg(c.staff_group ORDER BY c.staff_group)
                                        FROM doudi.staff_capability AS c WHERE c.operation = p_operation))::text,
            ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.require_staff_may(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.require_staff_may(text) TO doudi_scope_reader, doudi_user_manager, doudi_watchdog,
  doudi_scheduler;
