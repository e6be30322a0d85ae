-- Refuses (42501, doudi:department.out_of_scope) a county outside the
-- calling administrator's scope; checks the capability first.
CREATE OR REPLACE FUNCTION doudi.department_check_county(p_county text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.require_staff_may('manage_departments');
  IF p_county IS NULL OR p_county !~ '^[0-9]{6}$'
     OR NOT (doudi.session_is_superuser() OR rpad(p_county, 12, '0') BETWEEN doudi.scope_low() AND doudi.scope_high()) THEN
    RAISE EXCEPTION 'doudi:department.out_of_scope'
      USING DETAIL = json_build_object('county', p_county)::text, ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.department_check_county(text) FROM PUBLIC;
