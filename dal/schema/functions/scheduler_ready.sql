-- Refuses (doudi:schedule.no_pg_cron, 55000) unless the caller, inside the
-- scheduling functions doudi_scheduler owns, may schedule with pg_cron in
-- this database: the superuser has created the extension here (which
-- pg_cron allows only in cron.database_name) and `db migrate` has run since
-- (doudi.scheduler_grants).
CREATE OR REPLACE FUNCTION doudi.scheduler_ready() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF to_regnamespace('cron') IS NOT NULL THEN
    IF has_schema_privilege('cron', 'USAGE')
       AND has_function_privilege('cron.schedule_in_database(text,text,text,text,text,boolean)', 'EXECUTE') THEN
      RETURN;
    END IF;
  END IF;
  RAISE EXCEPTION 'doudi:schedule.no_pg_cron'
    USING DETAIL = json_build_object('database', current_database())::text, ERRCODE = 'object_not_in_prerequisite_state';
END
$$;
REVOKE ALL ON FUNCTION doudi.scheduler_ready() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.scheduler_ready() TO doudi_scheduler;
