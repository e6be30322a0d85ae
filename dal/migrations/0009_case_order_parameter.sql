-- 0009: the order of a case's steps comes from the region's `step_order`
-- parameter (migration 8; Jinjiang's 村荐 → 镇选 → 公示 → 市定), no longer
-- from a region code written into the function. A program without its own
-- parameter follows 低保's; a region without any follows the national order.
CREATE OR REPLACE FUNCTION doudi.case_step_order(p_program text, p_region text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT v.value FROM doudi.parameter_value(p_program, p_region, 'step_order', current_date) AS v),
                  (SELECT v.value FROM doudi.parameter_value('dibao', p_region, 'step_order', current_date) AS v),
                  'national')
$$;

CREATE OR REPLACE FUNCTION doudi.case_open(p_household_id bigint, p_program text, p_request_id uuid) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text;
  done bigint;
  new_id bigint;
  my_group text := coalesce(doudi.session_group(), '');
BEGIN
  SELECT s.case_id INTO done FROM doudi.case_step AS s WHERE s.request_id = p_request_id;
  IF FOUND THEN RETURN done; END IF;
  SELECT h.region_code INTO region FROM doudi.household AS h WHERE h.id = p_household_id;
  IF region IS NULL OR NOT doudi.caller_may_see(p_household_id, region)
     OR NOT (doudi.session_is_superuser()
             OR my_group IN ('village_clerk', 'township_reviewer', 'city_decider', 'center_admin')) THEN
    RAISE EXCEPTION 'you may not open a case for household %', p_household_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO doudi.assistance_case (household_id, region_code, program, step_order, state)
  VALUES (p_household_id, region, p_program, doudi.case_step_order(p_program, region), 'applied')
  RETURNING id INTO new_id;
  INSERT INTO doudi.case_step (case_id, region_code, from_state, action, to_state, level, version, request_id)
  VALUES (new_id, region, NULL, 'apply', 'applied', 'village', 1, p_request_id);
  RETURN new_id;
END
$$;
