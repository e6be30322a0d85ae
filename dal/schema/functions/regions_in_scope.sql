-- The regions inside the caller's scope (all for a superuser), for the
-- region tree of the search screen.
CREATE OR REPLACE FUNCTION doudi.regions_in_scope()
RETURNS TABLE (code text, name text, level text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT r.code, r.name, r.level FROM doudi.region AS r
  WHERE doudi.session_is_superuser()
     OR r.code BETWEEN doudi.scope_low() AND doudi.scope_high()
     -- the regions above the scope, so the tree has its path from the top
     OR doudi.scope_low() LIKE rtrim(r.code, '0') || '%'
  ORDER BY r.code
$$;
ALTER FUNCTION doudi.regions_in_scope() OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.regions_in_scope() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.regions_in_scope() TO doudi_user;
