-- The region of a household the caller acts on in pairing; refuses (42501)
-- one outside the caller's scope like one that does not exist.
CREATE OR REPLACE FUNCTION doudi.pairing_household_region(p_household bigint) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text;
BEGIN
  SELECT h.region_code INTO region FROM doudi.household AS h WHERE h.id = p_household;
  IF region IS NULL OR NOT doudi.caller_may_see(p_household, region) THEN
    RAISE EXCEPTION 'doudi:pairing.household_not_yours'
      USING DETAIL = json_build_object('household_id', p_household)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN region;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_household_region(bigint) FROM PUBLIC;
