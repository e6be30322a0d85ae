-- Refuses (doudi:referral.closed) an answer to a referral that is done or
-- declined already.
CREATE OR REPLACE FUNCTION doudi.referral_require_open(r doudi.referral) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF r.state NOT IN ('sent', 'accepted') THEN
    RAISE EXCEPTION 'doudi:referral.closed'
      USING DETAIL = json_build_object('referral_id', r.id, 'state', r.state)::text, ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.referral_require_open(doudi.referral) FROM PUBLIC;
