-- G. Time limits of every Doudi login role, from doudi.security_limit,
-- in this database. They guard against accidents (a user may SET them
-- away); doudi.watchdog_sweep guards against an insider.
CREATE OR REPLACE FUNCTION doudi.login_role_limits(p_role text) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  setting record;
BEGIN
  FOR setting IN SELECT * FROM (VALUES ('statement_timeout', 'login_statement_timeout'),
                                       ('lock_timeout', 'login_lock_timeout'),
                                       ('idle_in_transaction_session_timeout', 'login_idle_in_transaction_timeout'))
                             AS s (name, key) LOOP
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET %I = %L', p_role, current_database(), setting.name,
                   doudi.security_limit_value(setting.key, '', current_date) || 's');
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION doudi.login_role_limits(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.login_role_limits(text) TO doudi_user_manager;
