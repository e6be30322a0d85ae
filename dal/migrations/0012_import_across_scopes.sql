-- 0012: an import that names a person already registered in a household the
-- importer cannot see (another county) reports that row, instead of the
-- whole import failing on the one-household-per-person index. The check
-- must see across scopes, so it runs as the owner and tells only the fact:
-- the household's import source and reference (to recognise a re-import of
-- the same household) and its id only when the caller may see it.
-- For the groups that register households: they learn nothing the
-- one-household-per-person index would not refuse them anyway.
CREATE FUNCTION doudi.import_registered_members(p_id_numbers text[])
RETURNS TABLE (id_number text, household_source text, household_ref text, visible_household_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.require_group(ARRAY['village_clerk', 'township_reviewer', 'city_decider', 'center_admin'],
                              'checking an import against the whole registry');
  RETURN QUERY
    SELECT p.id_number::text, h.source, h.source_ref,
           CASE WHEN doudi.caller_may_see(h.id, h.region_code) THEN h.id END
    FROM unnest(p_id_numbers) AS wanted (id_number)
    JOIN doudi.person AS p ON p.id_number = wanted.id_number AND p.left_on IS NULL
    JOIN doudi.household AS h ON h.id = p.household_id;
END
$$;
GRANT EXECUTE ON FUNCTION doudi.import_registered_members(text[]) TO doudi_village_clerk, doudi_township_reviewer,
  doudi_city_decider, doudi_center_admin;
