CREATE OR REPLACE FUNCTION doudi.security_limit_value(p_key text, p_region text, p_on date) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT l.value FROM doudi.security_limit AS l
  WHERE l.key = p_key AND l.effective_from <= p_on
    AND l.region_prefix = left(coalesce(p_region, ''), length(l.region_prefix))
  ORDER BY length(l.region_prefix) DESC, l.effective_from DESC
  LIMIT 1
$$;
REVOKE ALL ON FUNCTION doudi.security_limit_value(text,text,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.security_limit_value(text,text,date) TO doudi_user, doudi_watchdog, doudi_user_manager;
