CREATE OR REPLACE FUNCTION doudi.keyed_digest(p_text text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT encode(sha256(s.value || convert_to(p_text, 'UTF8')), 'hex')
  FROM doudi.server_secret AS s WHERE s.name = 'import_digest'
$$;
REVOKE ALL ON FUNCTION doudi.keyed_digest(text) FROM PUBLIC;
