CREATE OR REPLACE FUNCTION doudi.household_member_ids(p_household_id bigint)
RETURNS TABLE (person_id bigint, id_number text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text := (SELECT h.region_code FROM doudi.household AS h WHERE h.id = p_household_id);
BEGIN
  IF region IS NULL OR NOT doudi.caller_may_see(p_household_id, region) THEN
    RETURN;
  END IF;
  IF doudi.staff_may('see_full_id_numbers') THEN
    INSERT INTO doudi.unmasked_access (what, household_id) VALUES ('resident_id', p_household_id);
    RETURN QUERY SELECT p.id, p.id_number FROM doudi.person AS p
                 WHERE p.household_id = p_household_id AND p.left_on IS NULL;
  ELSE
    RETURN QUERY SELECT p.id, p.id_number_masked FROM doudi.person AS p
                 WHERE p.household_id = p_household_id AND p.left_on IS NULL;
  END IF;
END
$$;
ALTER FUNCTION doudi.household_member_ids(bigint) OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.household_member_ids(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_member_ids(bigint) TO doudi_user;
