CREATE OR REPLACE FUNCTION doudi.registry_rows(p_ids bigint[])
RETURNS TABLE (person_id bigint, household_id bigint, name text, id_number_masked text, sex text,
               birth_year integer, relation text, region_code text, region_name text, address text,
               registry_status text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.id, p.household_id, p.name, p.id_number_masked, p.sex, extract(year FROM p.birth_date)::integer,
         p.relation, h.region_code, g.name, h.address, h.registry_status
  FROM doudi.person AS p JOIN doudi.household AS h ON h.id = p.household_id
  JOIN doudi.region AS g ON g.code = h.region_code
  WHERE p.id = ANY (p_ids) AND p.left_on IS NULL AND doudi.caller_may_see(p.household_id, p.region_code)
$$;
ALTER FUNCTION doudi.registry_rows(bigint[]) OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.registry_rows(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.registry_rows(bigint[]) TO doudi_user;
