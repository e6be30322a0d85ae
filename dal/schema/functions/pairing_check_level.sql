-- Refuses (RD000, doudi:pairing.bad_level) what is not one of the six
-- pairing levels (model/pairing.h).
CREATE OR REPLACE FUNCTION doudi.pairing_check_level(p_level text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_level IS NULL OR p_level NOT IN ('county', 'township', 'village', 'department', 'enterprise',
                                        'social_worker') THEN
    RAISE EXCEPTION 'doudi:pairing.bad_level' USING DETAIL = json_build_object('level', coalesce(p_level, ''))::text, ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_check_level(text) FROM PUBLIC;
