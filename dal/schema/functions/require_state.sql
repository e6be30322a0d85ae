-- Refuses (RD000, doudi:case.wrong_state) unless the case is in one of the states.
CREATE OR REPLACE FUNCTION doudi.require_state(c doudi.assistance_case, p_states text[], p_what text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT c.state = ANY (p_states) THEN
    RAISE EXCEPTION 'doudi:case.wrong_state'
      USING DETAIL = json_build_object('action', p_what, 'case_id', c.id, 'state', c.state)::text, ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.require_state(doudi.assistance_case,text[],text) FROM PUBLIC;
