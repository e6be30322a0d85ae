-- The deadline the parameter p_key sets from p_start for a case of the
-- program in the region; NULLs when the key is 'none' or not set there.
CREATE OR REPLACE FUNCTION doudi.case_deadline(p_program text, p_region text, p_key text, p_start date,
                                    OUT due date, OUT certain boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  certain := true;
  IF p_key IS NULL OR p_key = 'none' THEN RETURN; END IF;
  SELECT * INTO p FROM doudi.case_parameter(p_program, p_region, p_key);
  IF p.value IS NULL THEN RETURN; END IF;
  SELECT d.due, d.certain INTO due, certain FROM doudi.deadline_after(p_start, p.value::integer, p.unit) AS d;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_deadline(text,text,text,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_deadline(text,text,text,date) TO doudi_user;
