-- The case a caller acts on, locked; refuses (42501) one they may not see.
CREATE OR REPLACE FUNCTION doudi.case_for_change(p_case_id bigint) RETURNS doudi.assistance_case
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
BEGIN
  SELECT * INTO c FROM doudi.assistance_case AS a WHERE a.id = p_case_id FOR UPDATE;
  IF NOT FOUND OR NOT doudi.caller_may_see(c.household_id, c.region_code) THEN
    RAISE EXCEPTION 'doudi:case.not_visible'
      USING DETAIL = json_build_object('case_id', p_case_id)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN c;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_for_change(bigint) FROM PUBLIC;
