CREATE OR REPLACE FUNCTION doudi.registry_count(p_exact boolean, p_kind text, p_text text, p_pattern text,
                                                p_text_high text, p_region_low text, p_region_high text,
                                                p_status text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  from_where text := doudi.registry_search_from(p_kind, p_region_low <> '', p_status <> '');
  result bigint;
  plan json;
BEGIN
  PERFORM doudi.search_text_check(p_text, p_pattern, p_text_high);
  IF p_exact THEN
    EXECUTE 'SELECT count(*)' || from_where INTO result
      USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
            doudi.scope_high(), doudi.session_department();
    RETURN result;
  END IF;
  EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1' || from_where INTO plan
    USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
          doudi.scope_high(), doudi.session_department();
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
END
$$;
ALTER FUNCTION doudi.registry_count(boolean,text,text,text,text,text,text,text) OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.registry_count(boolean,text,text,text,text,text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.registry_count(boolean,text,text,text,text,text,text,text) TO doudi_user;
