-- Ends a household's pairing on p_ended_on (today when NULL) with the
-- reason (moved away, no longer in hardship ...); every responsible person
-- still named ends the same day. Returns true when this call ended it,
-- false when it had already ended (a retry).
CREATE OR REPLACE FUNCTION doudi.pairing_end(p_household bigint, p_ended_on date, p_reason text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  ended CONSTANT date := coalesce(p_ended_on, doudi.clock_date());
  reason CONSTANT text := btrim(coalesce(p_reason, ''));
  p doudi.pairing_household;
BEGIN
  PERFORM doudi.require_staff_may('manage_pairing');
  PERFORM doudi.pairing_household_region(p_household);
  SELECT * INTO p FROM doudi.pairing_household AS x WHERE x.household_id = p_household FOR UPDATE;
  IF FOUND AND p.ended_on IS NOT NULL THEN
    RETURN false;
  END IF;
  p := doudi.pairing_enrolled_household(p_household);
  PERFORM doudi.pairing_check_text('end_reason', reason, 200, true);
  PERFORM doudi.pairing_check_date('end_date', ended);
  IF ended < p.since THEN
    RAISE EXCEPTION 'doudi:pairing.end_before_since'
      USING DETAIL = json_build_object('since', p.since, 'ended_on', ended)::text, ERRCODE = 'RD000';
  END IF;
  UPDATE doudi.pairing_assignment AS a SET until = greatest(ended, a.since)
  WHERE a.household_id = p_household AND a.until IS NULL;
  UPDATE doudi.pairing_household AS x SET ended_on = ended, end_reason = reason WHERE x.household_id = p_household;
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_end(bigint,date,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.pairing_end(bigint,date,text) TO doudi_township_reviewer, doudi_city_decider,
  doudi_center_admin;
