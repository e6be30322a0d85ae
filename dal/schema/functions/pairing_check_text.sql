-- Refuses (RD000) a pairing text, trimmed, that is empty when p_required
-- or longer than p_max characters, naming the field: a required text
-- with doudi:pairing.text_required, an optional one with
-- doudi:pairing.text_too_long.
CREATE OR REPLACE FUNCTION doudi.pairing_check_text(p_field text, p_value text, p_max integer, p_required boolean)
RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  length_now CONSTANT integer := char_length(btrim(coalesce(p_value, '')));
BEGIN
  IF p_required AND (length_now = 0 OR length_now > p_max) THEN
    RAISE EXCEPTION 'doudi:pairing.text_required'
      USING DETAIL = json_build_object('field', p_field, 'max', p_max)::text, ERRCODE = 'RD000';
  END IF;
  IF length_now > p_max THEN
    RAISE EXCEPTION 'doudi:pairing.text_too_long'
      USING DETAIL = json_build_object('field', p_field, 'max', p_max)::text, ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_check_text(text,text,integer,boolean) FROM PUBLIC;
