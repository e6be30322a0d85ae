-- Extends the overall limit (45 working days) for a stated reason: an
-- objection during the notice, an applicant living away, a hard survey.
-- City deciders. Recorded as the case's audit trail shows.
CREATE OR REPLACE FUNCTION doudi.case_extend_limit(p_case_id bigint, p_reason text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case := doudi.case_for_change(p_case_id);
  d record;
BEGIN
  PERFORM doudi.require_staff_may('extend_limit');
  IF coalesce(btrim(p_reason), '') = '' THEN
    RAISE EXCEPTION 'doudi:case.extension_reason' USING ERRCODE = 'RD000';
  END IF;
  IF c.accepted_on IS NULL OR c.decided_on IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:case.no_time_limit' USING DETAIL = json_build_object('case_id', p_case_id)::text, ERRCODE = 'RD000';
  END IF;
  IF c.limit_extended THEN RETURN; END IF;
  c.limit_extended := true;
  SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code, doudi.case_overall_limit_key(c), c.accepted_on);
  UPDATE doudi.assistance_case SET limit_extended = true, overall_due = d.due, overall_due_certain = d.certain,
         close_relative_note = close_relative_note  -- unchanged; the audit row carries the reason below
  WHERE id = p_case_id;
  INSERT INTO doudi.case_evidence (case_id, region_code, kind, title, note, request_id)
  VALUES (p_case_id, c.region_code, 'other', '延长办理时限', p_reason, gen_random_uuid());
END
$$;
REVOKE ALL ON FUNCTION doudi.case_extend_limit(bigint,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_extend_limit(bigint,text) TO doudi_city_decider;
