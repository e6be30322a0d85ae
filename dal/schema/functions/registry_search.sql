CREATE OR REPLACE FUNCTION doudi.registry_search(p_kind text, p_text text, p_pattern text, p_text_high text,
                                      p_region_low text, p_region_high text, p_status text,
                                      p_limit integer, p_offset bigint)
RETURNS TABLE (person_id bigint, household_id bigint, name text, id_number_masked text, sex text,
               birth_year integer, relation text, region_code text, region_name text, address text,
               registry_status text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  from_where text := doudi.registry_search_from(p_kind, p_region_low <> '', p_status <> '');
  order_by text := CASE WHEN p_kind = 'id_prefix' THEN ' ORDER BY p.id_number' ELSE ' ORDER BY p.name, p.region_code, p.id' END;
BEGIN
  PERFORM doudi.search_text_check(p_text, p_pattern, p_text_high);
  RETURN QUERY EXECUTE
    'SELECT p.id, p.household_id, p.name, p.id_number_masked, p.sex, extract(year FROM p.birth_date)::integer, '
    'p.relation, h.region_code, g.name, h.address, h.registry_status FROM (SELECT p.id' || from_where || order_by ||
    ' LIMIT $10 OFFSET $11) AS page JOIN doudi.person AS p ON p.id = page.id '
    'JOIN doudi.household AS h ON h.id = p.household_id JOIN doudi.region AS g ON g.code = h.region_code' ||
    order_by
  USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
        doudi.scope_high(), doudi.session_department(), least(greatest(p_limit, 0), 1000), greatest(p_offset, 0);
END
$$;
ALTER FUNCTION doudi.registry_search(text,text,text,text,text,text,text,integer,bigint) OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.registry_search(text,text,text,text,text,text,text,integer,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.registry_search(text,text,text,text,text,text,text,integer,bigint) TO doudi_user;
