-- A money parameter in force on p_on, as a number; NULL when there is no
-- row or the key is not in fen.
CREATE OR REPLACE FUNCTION doudi.fen_parameter(p_program text, p_region text, p_key text, p_on date) RETURNS numeric
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT v.value::numeric FROM doudi.parameter_value(p_program, p_region, p_key, p_on) AS v WHERE v.unit = 'fen'
$$;
REVOKE ALL ON FUNCTION doudi.fen_parameter(text,text,text,date) FROM PUBLIC;
