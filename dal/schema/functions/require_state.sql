-- Refuses (22023) unless the case is in one of the states.
CREATE OR REPLACE FUNCTION doudi.require_state(c doudi.assistance_case, p_states text[], p_what text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT c.state = ANY (p_states) THEN
    RAISE EXCEPTION '% is not possible while case % is %', p_what, c.id, c.state USING ERRCODE = 'invalid_parameter_value';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.require_state(doudi.assistance_case,text[],text) FROM PUBLIC;
