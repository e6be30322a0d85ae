-- The largest file that may be attached in a region today, in bytes: the
-- attachments parameter max_bytes in force there (docs/parameters.md), or
-- 5 MB where no row applies. p_region is a 12-digit code, or a scope's
-- prefix for what applies to the whole area.
CREATE OR REPLACE FUNCTION doudi.attachment_max_bytes(p_region text) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT v.value::bigint
                   FROM doudi.parameter_value('attachments', coalesce(p_region, ''), 'max_bytes', doudi.clock_date()) AS v
                   WHERE v.unit = 'bytes'), 5242880)
$$;
REVOKE ALL ON FUNCTION doudi.attachment_max_bytes(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.attachment_max_bytes(text) TO doudi_user;
