-- When was the case last moved (the latest step): what is on record for the
-- next step must be newer.
CREATE OR REPLACE FUNCTION doudi.case_last_step_at(p_case_id bigint) RETURNS timestamptz
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT max(s.acted_at) FROM doudi.case_step AS s WHERE s.case_id = p_case_id
$$;
REVOKE ALL ON FUNCTION doudi.case_last_step_at(bigint) FROM PUBLIC;
