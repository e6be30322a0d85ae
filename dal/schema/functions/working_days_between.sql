-- Working days after p_from up to and including p_to (0 when p_to <= p_from).
CREATE OR REPLACE FUNCTION doudi.working_days_between(p_from date, p_to date) RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT count(*)::integer FROM generate_series(p_from + 1, p_to, interval '1 day') AS d
  WHERE doudi.is_working_day(d::date)
$$;
REVOKE ALL ON FUNCTION doudi.working_days_between(date,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.working_days_between(date,date) TO doudi_user;
