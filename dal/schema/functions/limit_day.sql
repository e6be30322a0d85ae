-- The day a daily limit counts in: China's, whatever TimeZone the session set.
CREATE OR REPLACE FUNCTION doudi.limit_day() RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date
$$;
REVOKE ALL ON FUNCTION doudi.limit_day() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.limit_day() TO doudi_user, doudi_watchdog;
