-- 六位一体挂钩帮扶: takes a household of the caller's scope into the pairing
-- program from p_since (today when NULL). Returns true when this call took it
-- in, false when it already was (a retry, or an enrolment made meanwhile:
-- nothing changes). A household whose pairing ended is taken in again from
-- the new date; its old responsible persons stay ended.
CREATE OR REPLACE FUNCTION doudi.pairing_enroll(p_household bigint, p_since date) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text;
  v_since CONSTANT date := coalesce(p_since, doudi.clock_date());
  p doudi.pairing_household;
BEGIN
  PERFORM doudi.require_staff_may('manage_pairing');
  region := doudi.pairing_household_region(p_household);
  IF EXISTS (SELECT 1 FROM doudi.household AS h WHERE h.id = p_household AND h.closed_on IS NOT NULL) THEN
    RAISE EXCEPTION 'doudi:pairing.household_closed'
      USING DETAIL = json_build_object('household_id', p_household)::text, ERRCODE = 'RD000';
  END IF;
  PERFORM doudi.pairing_check_date('since_date', v_since);
  SELECT * INTO p FROM doudi.pairing_household AS x WHERE x.household_id = p_household FOR UPDATE;
  IF FOUND AND p.ended_on IS NULL THEN
    RETURN false;
  END IF;
  IF FOUND THEN
    IF v_since < p.ended_on THEN
      RAISE EXCEPTION 'doudi:pairing.since_before_end'
        USING DETAIL = json_build_object('since', v_since, 'ended_on', p.ended_on)::text, ERRCODE = 'RD000';
    END IF;
    UPDATE doudi.pairing_household AS x
    SET since = v_since, ended_on = NULL, end_reason = NULL, region_code = region, added_at = now(),
        added_by = doudi.acting_user()
    WHERE x.household_id = p_household;
  ELSE
    INSERT INTO doudi.pairing_household (household_id, region_code, since, added_by)
    VALUES (p_household, region, v_since, doudi.acting_user());
  END IF;
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_enroll(bigint,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.pairing_enroll(bigint,date) TO doudi_township_reviewer, doudi_city_decider,
  doudi_center_admin;
