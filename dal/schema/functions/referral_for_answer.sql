-- The referral a department answers, locked, at the version the caller
-- saw: a liaison's own department's (doudi.liaison_may_see), or for the
-- center (answering on a department's behalf) one in its scope. Refuses one
-- the caller may not answer like one that does not exist (42501), and a
-- version that is not the current one (40001).
CREATE OR REPLACE FUNCTION doudi.referral_for_answer(p_referral bigint, p_version integer) RETURNS doudi.referral
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r doudi.referral;
BEGIN
  PERFORM doudi.require_staff_may('answer_referrals');
  SELECT * INTO r FROM doudi.referral AS x WHERE x.id = p_referral FOR UPDATE;
  IF NOT FOUND OR NOT (doudi.session_is_superuser()
                       OR r.region_code BETWEEN doudi.scope_low() AND doudi.scope_high()
                       AND CASE WHEN doudi.session_group() = 'department_liaison'
                                THEN r.department = doudi.session_department() AND doudi.liaison_may_see(r.household_id)
                                ELSE true END) THEN
    RAISE EXCEPTION 'doudi:referral.not_visible'
      USING DETAIL = json_build_object('referral_id', p_referral)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF r.version <> p_version THEN
    RAISE EXCEPTION 'doudi:referral.changed'
      USING DETAIL = json_build_object('referral_id', p_referral, 'version', r.version,
                                       'expected_version', p_version)::text,
            ERRCODE = 'serialization_failure';
  END IF;
  RETURN r;
END
$$;
REVOKE ALL ON FUNCTION doudi.referral_for_answer(bigint,integer) FROM PUBLIC;
