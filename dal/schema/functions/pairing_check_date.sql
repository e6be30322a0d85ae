-- Refuses (RD000) a pairing date that is missing or after today, naming
-- the field.
CREATE OR REPLACE FUNCTION doudi.pairing_check_date(p_field text, p_date date) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_date IS NULL OR p_date > doudi.clock_date() THEN
    RAISE EXCEPTION 'doudi:pairing.bad_date'
      USING DETAIL = json_build_object('field', p_field, 'date', coalesce(p_date::text, ''))::text, ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_check_date(text,date) FROM PUBLIC;
