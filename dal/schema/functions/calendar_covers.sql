-- Whether every year from p_from to p_to has its notice loaded.
CREATE OR REPLACE FUNCTION doudi.calendar_covers(p_from date, p_to date) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT EXISTS (
    SELECT 1 FROM generate_series(extract(year FROM least(p_from, p_to))::integer,
                                  extract(year FROM greatest(p_from, p_to))::integer) AS y
    WHERE NOT EXISTS (SELECT 1 FROM doudi.calendar_year AS c WHERE c.year = y))
$$;
REVOKE ALL ON FUNCTION doudi.calendar_covers(date,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.calendar_covers(date,date) TO doudi_user;
