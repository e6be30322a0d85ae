-- `doudi-admin screen schedule`: the daily screening's pg_cron job, none
-- when it is off. beijing_time is its schedule in Beijing time, NULL when
-- the schedule is not one doudi.screening_schedule writes (someone changed
-- it with pg_cron itself). Owned by doudi_scheduler, whose jobs are the
-- only ones cron.job shows it. Refuses as doudi.screening_schedule does.
CREATE OR REPLACE FUNCTION doudi.screening_schedule_job()
RETURNS TABLE (job_id bigint, cron_schedule text, beijing_time time, active boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.require_staff_may('run_screening');
  PERFORM doudi.scheduler_ready();
  -- Schema cron exists only where the superuser created pg_cron: dynamic
  -- SQL, which plpgsql_check cannot follow in a database without it.
  PERFORM 'PRAGMA:DISABLE:CHECK';
  RETURN QUERY EXECUTE $q$
    SELECT j.jobid, j.schedule,
           (((current_date + make_time(m.hm[2]::integer, m.hm[1]::integer, 0)) AT TIME ZONE 'UTC')
            AT TIME ZONE 'Asia/Shanghai')::time,
           j.active
    FROM cron.job AS j
    CROSS JOIN LATERAL regexp_match(j.schedule, '^([0-5]?[0-9]) (1?[0-9]|2[0-3]) \* \* \*$') AS m (hm)
    WHERE j.jobname = $1 ORDER BY j.jobid $q$
    USING 'doudi_screening';
END
$$;
ALTER FUNCTION doudi.screening_schedule_job() OWNER TO doudi_scheduler;
REVOKE ALL ON FUNCTION doudi.screening_schedule_job() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.screening_schedule_job() TO doudi_center_admin;
