-- Replaces a year's exceptions (a corrected notice replaces the year whole).
-- Center administrators and the set-up superuser. Returns the rows loaded.
CREATE OR REPLACE FUNCTION doudi.calendar_load_year(p_year integer, p_days date[], p_kinds text[], p_names text[],
                                         p_source text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  loaded integer;
BEGIN
  PERFORM doudi.require_staff_may('load_holiday_calendar');
  IF cardinality(p_days) IS DISTINCT FROM cardinality(p_kinds) OR cardinality(p_days) IS DISTINCT FROM cardinality(p_names) THEN
    RAISE EXCEPTION 'doudi:calendar.malformed' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_days) AS d WHERE extract(year FROM d) <> p_year) THEN
    RAISE EXCEPTION 'doudi:calendar.other_year' USING DETAIL = json_build_object('year', p_year)::text, ERRCODE = 'RD000';
  END IF;
  DELETE FROM doudi.calendar_year WHERE year = p_year;
  INSERT INTO doudi.calendar_year (year, source) VALUES (p_year, p_source);
  INSERT INTO doudi.calendar_exception (day, kind, name)
  SELECT d, k, n FROM unnest(p_days, p_kinds, p_names) AS u (d, k, n);
  GET DIAGNOSTICS loaded = ROW_COUNT;
  RETURN loaded;
END
$$;
REVOKE ALL ON FUNCTION doudi.calendar_load_year(integer,date[],text[],text[],text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.calendar_load_year(integer,date[],text[],text[],text) TO doudi_center_admin;
