CREATE OR REPLACE FUNCTION doudi.is_working_day(p_day date) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT e.kind = 'make_up_workday' FROM doudi.calendar_exception AS e WHERE e.day = p_day),
                  extract(isodow FROM p_day) < 6)
$$;
REVOKE ALL ON FUNCTION doudi.is_working_day(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.is_working_day(date) TO doudi_user;
