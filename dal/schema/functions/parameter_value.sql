-- The value of a parameter for a region on a date: among the rows in effect
-- on p_on (effective_from <= p_on) whose prefix contains p_region, the one
-- with the longest prefix, and of those the latest. p_region is normally a
-- 12-digit code; a shorter prefix asks what applies to that whole area (rows
-- for areas inside it do not count). No row: an empty result.
CREATE OR REPLACE FUNCTION doudi.parameter_value(p_program text, p_region text, p_key text, p_on date)
RETURNS TABLE (value text, unit text, effective_from date, region_prefix text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.value, p.unit, p.effective_from, p.region_prefix::text
  FROM doudi.program_parameter AS p
  WHERE p.program = p_program AND p.key = p_key AND p.effective_from <= p_on
    AND p.region_prefix = left(p_region, length(p.region_prefix))
  ORDER BY length(p.region_prefix) DESC, p.effective_from DESC
  LIMIT 1
$$;
REVOKE ALL ON FUNCTION doudi.parameter_value(text,text,text,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.parameter_value(text,text,text,date) TO doudi_user;
