-- A screening rule's number for a region on a date (doudi.parameter_value),
-- NULL when no row is in force or its unit is not the one the rule expects:
-- a rule whose number is missing raises nothing there.
CREATE OR REPLACE FUNCTION doudi.screening_parameter(p_program text, p_region text, p_key text, p_unit text,
                                                     p_on date) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT v.value FROM doudi.parameter_value(p_program, p_region, p_key, p_on) AS v WHERE v.unit = p_unit
$$;
REVOKE ALL ON FUNCTION doudi.screening_parameter(text,text,text,text,date) FROM PUBLIC;
