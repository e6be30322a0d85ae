-- The department declines a referral, with its reason (sent or accepted ->
-- declined): the answer that closes it when it cannot help. The center
-- recording it is marked as answering on the department's behalf. Returns
-- the new version; the same decline sent again returns it unchanged.
CREATE OR REPLACE FUNCTION doudi.referral_decline(p_referral bigint, p_version integer, p_reason text)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.referral;
BEGIN
  SELECT * INTO r FROM doudi.referral AS x WHERE x.id = p_referral;
  IF FOUND AND r.version = p_version + 1 AND r.state = 'declined' AND r.closed_by = doudi.acting_user()
     AND r.decline_reason = btrim(p_reason) THEN
    r := doudi.referral_for_answer(p_referral, p_version + 1);
    RETURN r.version;
  END IF;
  r := doudi.referral_for_answer(p_referral, p_version);
  PERFORM doudi.referral_require_open(r);
  IF coalesce(btrim(p_reason), '') = '' OR char_length(p_reason) > 500 THEN
    RAISE EXCEPTION 'doudi:referral.reason_required'
      USING DETAIL = json_build_object('referral_id', p_referral)::text, ERRCODE = 'RD000';
  END IF;
  UPDATE doudi.referral AS x
  SET state = 'declined', decline_reason = btrim(p_reason), closed_at = doudi.clock_now(), closed_by = doudi.acting_user(),
      access_until = doudi.referral_access_until(x.region_code),
      closed_on_behalf = doudi.session_group() IS DISTINCT FROM 'department_liaison',
      version = x.version + 1, updated_at = now()
  WHERE x.id = p_referral;
  RETURN r.version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.referral_decline(bigint,integer,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.referral_decline(bigint,integer,text) TO doudi_department_liaison, doudi_center_admin;
