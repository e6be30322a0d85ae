-- H. Search text no longer than a name (50 characters) or a pattern made of
-- one; name grams grow with the square of the length.
CREATE OR REPLACE FUNCTION doudi.search_text_check(p_text text, p_pattern text, p_text_high text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF char_length(coalesce(p_text, '')) > 50 OR char_length(coalesce(p_pattern, '')) > 110
     OR char_length(coalesce(p_text_high, '')) > 51 THEN
    RAISE EXCEPTION 'doudi:search.too_long'
      USING ERRCODE = 'string_data_right_truncation', DETAIL = json_build_object('limit', 50)::text,
            HINT = 'search text is at most 50 characters, the longest name';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.search_text_check(text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.search_text_check(text,text,text) TO doudi_scope_reader;
