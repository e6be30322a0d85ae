-- The persons among p_id_numbers registered in a household other than
-- p_household_id: in a household the caller may see (the id, to say which)
-- or outside their scope (the id only for the record, never returned to
-- the caller by the functions below). For the owner's functions only.
CREATE OR REPLACE FUNCTION doudi.registered_elsewhere(p_id_numbers text[], p_household_id bigint)
RETURNS TABLE (ord bigint, id_number text, household_id bigint, visible boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT q.ord, q.id_number, p.household_id, doudi.caller_may_see(p.household_id, p.region_code)
  FROM unnest(p_id_numbers) WITH ORDINALITY AS q (id_number, ord)
  JOIN doudi.person AS p ON p.id_number = q.id_number AND p.left_on IS NULL
  WHERE q.id_number <> '' AND p.household_id IS DISTINCT FROM p_household_id
$$;
REVOKE ALL ON FUNCTION doudi.registered_elsewhere(text[],bigint) FROM PUBLIC;
