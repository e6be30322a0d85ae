-- The token a reporter's secret names, refused when unknown, revoked or
-- past its last day (China's date): the one check every intake function
-- makes first.
CREATE OR REPLACE FUNCTION doudi.intake_token_for(p_secret text) RETURNS doudi.intake_token
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t doudi.intake_token;
BEGIN
  IF p_secret IS NULL OR p_secret !~ '^dd_[A-Za-z0-9_-]{43}$' THEN
    RAISE EXCEPTION 'doudi:intake.token_invalid' USING ERRCODE = 'RD000';
  END IF;
  SELECT * INTO t FROM doudi.intake_token AS x WHERE x.secret_sha256 = sha256(convert_to(p_secret, 'UTF8'));
  IF NOT FOUND THEN
    RAISE EXCEPTION 'doudi:intake.token_invalid' USING ERRCODE = 'RD000';
  ELSIF t.revoked_at IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:intake.token_revoked' USING ERRCODE = 'RD000';
  ELSIF t.expires_on IS NOT NULL AND t.expires_on < (now() AT TIME ZONE 'Asia/Shanghai')::date THEN
    RAISE EXCEPTION 'doudi:intake.token_expired' USING DETAIL = json_build_object('date', t.expires_on)::text,
          ERRCODE = 'RD000';
  END IF;
  RETURN t;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_token_for(text) FROM PUBLIC;
