-- Records that the caller was told a person is registered outside their
-- scope: a row for auditors, and a line in the server log, which a
-- rollback does not remove.
CREATE OR REPLACE FUNCTION doudi.cross_scope_record(p_household_ids bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF coalesce(cardinality(p_household_ids), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO doudi.unmasked_access (what, household_id)
  SELECT 'cross_scope_id', h FROM unnest(p_household_ids) AS h;
  RAISE LOG 'doudi: % was told that % person(s) are registered outside their scope (households %)',
    session_user, cardinality(p_household_ids), p_household_ids;
END
$$;
REVOKE ALL ON FUNCTION doudi.cross_scope_record(bigint[]) FROM PUBLIC;
