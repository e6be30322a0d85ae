CREATE OR REPLACE FUNCTION doudi.watchdog_sweep()
RETURNS TABLE (pid integer, role_name text, state text, since timestamptz, ended boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  idle_limit interval := make_interval(secs => doudi.security_limit_value('watchdog_idle_in_transaction', '', current_date));
  run_limit interval := make_interval(secs => doudi.security_limit_value('watchdog_running', '', current_date));
BEGIN
  PERFORM doudi.require_staff_may('run_watchdog');
  RETURN QUERY
    SELECT a.pid, a.usename::text, a.state,
           CASE WHEN a.state = 'active' THEN a.query_start ELSE a.state_change END,
           pg_terminate_backend(a.pid)
    FROM pg_stat_activity AS a
    WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
      AND pg_has_role(a.usename, 'doudi_user', 'MEMBER')
      AND NOT (SELECT r.rolsuper FROM pg_roles AS r WHERE r.rolname = a.usename)
      AND ((a.state IN ('idle in transaction', 'idle in transaction (aborted)') AND a.state_change < now() - idle_limit)
           OR (a.state = 'active' AND a.query_start < now() - run_limit));
END
$$;
ALTER FUNCTION doudi.watchdog_sweep() OWNER TO doudi_watchdog;
REVOKE ALL ON FUNCTION doudi.watchdog_sweep() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.watchdog_sweep() TO doudi_center_admin;
