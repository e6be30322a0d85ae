-- The cross-check rows in force behind an alert: of these kinds, about
-- these persons, dated within [p_from, p_to], in date order.
CREATE OR REPLACE FUNCTION doudi.crosscheck_sources(p_kinds text[], p_ids text[], p_from date, p_to date)
RETURNS bigint[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(c.id ORDER BY c.event_date, c.id), '{}')
  FROM doudi.crosscheck_current AS c
  WHERE c.id_number = ANY (p_ids) AND c.kind = ANY (p_kinds) AND c.event_date BETWEEN p_from AND p_to
$$;
REVOKE ALL ON FUNCTION doudi.crosscheck_sources(text[],text[],date,date) FROM PUBLIC;
