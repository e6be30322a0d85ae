-- Issues a reporter's token (doudi-admin intake token issue): the client
-- made the secret and sends only its SHA-256; the region is a code prefix
-- of a region in the catalog, within the administrator's scope.
CREATE OR REPLACE FUNCTION doudi.intake_token_issue(p_name text, p_region text, p_expires date,
                                                    p_secret_sha256 bytea) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id bigint;
BEGIN
  PERFORM doudi.require_staff_may('manage_intake_tokens');
  IF p_region IS NULL OR p_region !~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'
     OR NOT EXISTS (SELECT FROM doudi.region AS r WHERE r.code = rpad(p_region, 12, '0'))
     OR NOT doudi.caller_may_see(NULL, rpad(p_region, 12, '0'))
     OR (length(p_region) < 12 AND NOT doudi.caller_may_see(NULL, rpad(p_region, 12, '9'))) THEN
    RAISE EXCEPTION 'doudi:intake.token_region' USING DETAIL = json_build_object('region', p_region)::text,
          ERRCODE = 'RD000';
  END IF;
  IF p_name IS NULL OR NOT doudi.name_storable(btrim(p_name)) OR char_length(btrim(p_name)) > 50 THEN
    RAISE EXCEPTION 'doudi:intake.token_name' USING ERRCODE = 'RD000';
  END IF;
  IF p_expires IS NOT NULL AND p_expires < doudi.clock_date() THEN
    RAISE EXCEPTION 'doudi:intake.token_expires' USING DETAIL = json_build_object('date', p_expires)::text,
          ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.intake_token (name, region_code, secret_sha256, expires_on, issued_by)
  VALUES (btrim(p_name), p_region, p_secret_sha256, p_expires, doudi.acting_user())
  RETURNING id INTO v_id;
  RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_token_issue(text,text,date,bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_token_issue(text,text,date,bytea) TO doudi_center_admin;
