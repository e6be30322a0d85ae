-- `doudi-admin screen schedule`: the daily screening's pg_cron job, none
-- when it is off. beijing_time is its schedule in Beijing time, NULL when
-- the schedule is not one doudi.screening_schedule writes (someone changed
-- it with pg_cron itself). Owned by doudi_scheduler, whose jobs are the
-- only ones cron.job shows it. Refuses as doudi.screening_schedule does.
CREATE OR REPLACE FUNCTION doudi.screening_schedule_job()
RETURNS TABLE (job_id bigint, cron_schedule text, beijing_time time, active boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  hour_minute text[];
BEGIN
  PERFORM doudi.require_staff_may('run_screening');
  PERFORM doudi.scheduler_ready();
  -- Dynamic SQL: schema cron exists only where the superuser created pg_cron.
  FOR job_id, cron_schedule, active IN
    EXECUTE 'SELECT j.jobid, j.schedule, j.active FROM cron.job AS j WHERE j.jobname = $1 ORDER BY j.jobid'
    USING 'doudi_screening' LOOP
    hour_minute := regexp_match(cron_schedule, '^([0-5]?[0-9]) (1?[0-9]|2[0-3]) \* \* \*$');
    beijing_time := CASE WHEN hour_minute IS NOT NULL THEN
      (((current_date + make_time(hour_minute[2]::integer, hour_minute[1]::integer, 0)) AT TIME ZONE 'UTC')
       AT TIME ZONE 'Asia/Shanghai')::time END;
    RETURN NEXT;
  END LOOP;
END
$$;
ALTER FUNCTION doudi.screening_schedule_job() OWNER TO doudi_scheduler;
REVOKE ALL ON FUNCTION doudi.screening_schedule_job() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.screening_schedule_job() TO doudi_center_admin;
