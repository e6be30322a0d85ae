CREATE OR REPLACE FUNCTION doudi.registry_search_ids(p_kind text, p_text text, p_pattern text, p_text_high text,
                                          p_region_low text, p_region_high text, p_status text)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  from_where text := doudi.registry_search_from(p_kind, p_region_low <> '', p_status <> '');
  order_by text := CASE WHEN p_kind = 'id_prefix' THEN ' ORDER BY p.id_number' ELSE ' ORDER BY p.name, p.region_code, p.id' END;
BEGIN
  PERFORM doudi.search_text_check(p_text, p_pattern, p_text_high);
  RETURN QUERY EXECUTE 'SELECT p.id' || from_where || order_by
  USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
        doudi.scope_high(), doudi.session_department();
END
$$;
ALTER FUNCTION doudi.registry_search_ids(text,text,text,text,text,text,text) OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.registry_search_ids(text,text,text,text,text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.registry_search_ids(text,text,text,text,text,text,text) TO doudi_user;
