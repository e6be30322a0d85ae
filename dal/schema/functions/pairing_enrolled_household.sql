-- The pairing row of a household the caller acts on, locked: refuses (42501)
-- a household outside the caller's scope and (RD000) one not in the pairing
-- program now.
CREATE OR REPLACE FUNCTION doudi.pairing_enrolled_household(p_household bigint) RETURNS doudi.pairing_household
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p doudi.pairing_household;
BEGIN
  PERFORM doudi.pairing_household_region(p_household);
  SELECT * INTO p FROM doudi.pairing_household AS x WHERE x.household_id = p_household FOR UPDATE;
  IF NOT FOUND OR p.ended_on IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:pairing.not_enrolled'
      USING DETAIL = json_build_object('household_id', p_household)::text, ERRCODE = 'RD000';
  END IF;
  RETURN p;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_enrolled_household(bigint) FROM PUBLIC;
