-- A program's parameter for a region today, falling back to 低保's (the
-- statutory numbers most programs share), as a number; NULL when neither has it.
CREATE OR REPLACE FUNCTION doudi.case_parameter(p_program text, p_region text, p_key text, OUT value text, OUT unit text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT v.value, v.unit FROM (
    SELECT v.value, v.unit, 1 AS pick FROM doudi.parameter_value(p_program, p_region, p_key, doudi.clock_date()) AS v
    UNION ALL
    SELECT v.value, v.unit, 2 FROM doudi.parameter_value('dibao', p_region, p_key, doudi.clock_date()) AS v
  ) AS v ORDER BY v.pick LIMIT 1
$$;
REVOKE ALL ON FUNCTION doudi.case_parameter(text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_parameter(text,text,text) TO doudi_user;
