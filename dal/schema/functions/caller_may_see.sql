-- The one rule every scope-applying function uses: may the caller see the
-- household of this region code?
CREATE OR REPLACE FUNCTION doudi.caller_may_see(p_household_id bigint, p_region_code text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT doudi.session_is_superuser()
      OR (p_region_code BETWEEN doudi.scope_low() AND doudi.scope_high()
          AND (coalesce(doudi.session_group(), '') <> 'department_liaison'
               OR doudi.liaison_may_see(p_household_id)))
$$;
REVOKE ALL ON FUNCTION doudi.caller_may_see(bigint,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.caller_may_see(bigint,text) TO doudi_scope_reader, doudi_user;
