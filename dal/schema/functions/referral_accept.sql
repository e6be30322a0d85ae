-- The department accepts a referral (sent -> accepted). Returns the new
-- version; the same acceptance sent again returns it unchanged.
CREATE OR REPLACE FUNCTION doudi.referral_accept(p_referral bigint, p_version integer) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.referral;
BEGIN
  SELECT * INTO r FROM doudi.referral AS x WHERE x.id = p_referral;
  IF FOUND AND r.version = p_version + 1 AND r.state = 'accepted' AND r.accepted_by = doudi.acting_user() THEN
    r := doudi.referral_for_answer(p_referral, p_version + 1);
    RETURN r.version;
  END IF;
  r := doudi.referral_for_answer(p_referral, p_version);
  IF r.state <> 'sent' THEN
    PERFORM doudi.referral_require_open(r);
    RAISE EXCEPTION 'doudi:referral.accepted_already'
      USING DETAIL = json_build_object('referral_id', p_referral)::text, ERRCODE = 'RD000';
  END IF;
  UPDATE doudi.referral AS x
  SET state = 'accepted', accepted_at = doudi.clock_now(), accepted_by = doudi.acting_user(), version = x.version + 1,
      updated_at = now()
  WHERE x.id = p_referral;
  RETURN r.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.referral_accept(bigint,integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.referral_accept(bigint,integer) TO doudi_department_liaison, doudi_center_admin;
