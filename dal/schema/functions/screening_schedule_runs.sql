-- `doudi-admin screen schedule`: the last p_limit runs of the daily
-- screening in this database, newest first, as pg_cron recorded them in
-- cron.job_run_details (status starting, running, sending, connecting,
-- succeeded or failed; message: the command's result or the server's error),
-- those of an earlier schedule too. Owned by doudi_scheduler, whose runs are
-- the only ones the table shows it. Refuses as doudi.screening_schedule does.
CREATE OR REPLACE FUNCTION doudi.screening_schedule_runs(p_limit integer)
RETURNS TABLE (run_id bigint, status text, message text, started_at timestamptz, finished_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.require_staff_may('run_screening');
  PERFORM doudi.scheduler_ready();
  -- Schema cron exists only where the superuser created pg_cron: dynamic
  -- SQL, which plpgsql_check cannot follow in a database without it.
  PERFORM 'PRAGMA:DISABLE:CHECK';
  RETURN QUERY EXECUTE
    'SELECT d.runid, d.status, d.return_message, d.start_time, d.end_time FROM cron.job_run_details AS d '
    'WHERE d.database = current_database() AND d.command = $1 ORDER BY d.runid DESC LIMIT $2'
    USING 'SELECT * FROM doudi.screen(NULL, NULL, ''schedule'')', greatest(p_limit, 0);
END
$$;
ALTER FUNCTION doudi.screening_schedule_runs(integer) OWNER TO doudi_scheduler;
REVOKE ALL ON FUNCTION doudi.screening_schedule_runs(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.screening_schedule_runs(integer) TO doudi_center_admin;
