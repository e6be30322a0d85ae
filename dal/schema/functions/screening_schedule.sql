-- `doudi-admin screen schedule --at HH:MM | --off` (docs/deployment.md
-- section 5): the daily screening is the pg_cron job doudi_screening,
-- every day at p_at Beijing time, or there is none (p_off true, p_at NULL).
-- Owned by doudi_scheduler: pg_cron 1.4 gives a job to the role that
-- schedules it, which inside this function is doudi_scheduler whoever
-- calls, so the job runs as that role; the caller gives only the time, the
-- command is always every rule over every region. pg_cron 1.4 reads
-- schedules in GMT: Beijing time is converted here. Returns the job's cron
-- schedule ("30 18 * * *" for 02:30), NULL when turned off. Refuses
-- doudi:schedule.bad_time (a time with seconds, or neither or both of a
-- time and off) and doudi:schedule.no_pg_cron (doudi.scheduler_ready).
CREATE OR REPLACE FUNCTION doudi.screening_schedule(p_at time, p_off boolean) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  gmt time;
  schedule text;
BEGIN
  PERFORM doudi.require_staff_may('run_screening');
  IF p_off IS NULL OR p_off = (p_at IS NOT NULL) OR extract(second FROM p_at) <> 0 THEN
    RAISE EXCEPTION 'doudi:schedule.bad_time'
      USING DETAIL = json_build_object('at', p_at::text)::text, ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM doudi.scheduler_ready();
  gmt := (((current_date + p_at) AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC')::time;
  schedule := format('%s %s * * *', extract(minute FROM gmt)::integer, extract(hour FROM gmt)::integer);
  -- Schema cron exists only where the superuser created pg_cron: dynamic
  -- SQL, which plpgsql_check cannot follow in a database without it.
  BEGIN
    PERFORM 'PRAGMA:DISABLE:CHECK';
    IF p_off THEN
      EXECUTE 'SELECT count(cron.unschedule(j.jobid)) FROM cron.job AS j WHERE j.jobname = $1'
        USING 'doudi_screening';
      RETURN NULL;
    END IF;
    -- A job of the same name and role is updated in place (its runs keep
    -- their job number).
    EXECUTE 'SELECT cron.schedule_in_database($1, $2, $3, current_database(), NULL, true)'
      USING 'doudi_screening', schedule, 'SELECT * FROM doudi.screen(NULL, NULL, ''schedule'')';
  END;
  RETURN schedule;
END
$$;
ALTER FUNCTION doudi.screening_schedule(time,boolean) OWNER TO doudi_scheduler;
REVOKE ALL ON FUNCTION doudi.screening_schedule(time,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.screening_schedule(time,boolean) TO doudi_center_admin;
