-- 六位一体挂钩帮扶: names the responsible person of a household at one level
-- from p_since (today when NULL): a Doudi user (p_user, a role name) at the
-- county, township, village and department levels — whose scope covers the
-- household and fits the level (doudi.pairing_user_fits; the department's is
-- a liaison) — or a contact of the household's county (p_contact) at the
-- enterprise and social_worker levels. A change ends the current row on
-- p_since and starts a new one. Returns the current assignment's id; naming
-- the person already named returns their row unchanged (a retry is safe).
CREATE OR REPLACE FUNCTION doudi.pairing_assign(p_household bigint, p_level text, p_user text, p_contact bigint,
                                                p_since date) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_since CONSTANT date := coalesce(p_since, doudi.clock_date());
  p doudi.pairing_household;
  current_row doudi.pairing_assignment;
  u doudi.app_user;
  new_id bigint;
BEGIN
  PERFORM doudi.require_staff_may('manage_pairing');
  p := doudi.pairing_enrolled_household(p_household);
  PERFORM doudi.pairing_check_level(p_level);
  IF p_level IN ('enterprise', 'social_worker') THEN
    IF p_contact IS NULL OR p_user IS NOT NULL THEN
      RAISE EXCEPTION 'doudi:pairing.contact_required'
        USING DETAIL = json_build_object('level', p_level)::text, ERRCODE = 'RD000';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM doudi.pairing_contact AS c
                   WHERE c.id = p_contact AND c.active AND c.kind = p_level
                     AND c.county_code = left(p.region_code, 6)) THEN
      RAISE EXCEPTION 'doudi:pairing.contact_not_eligible'
        USING DETAIL = json_build_object('contact_id', p_contact, 'county', left(p.region_code, 6))::text,
              ERRCODE = 'RD000';
    END IF;
  ELSE
    IF p_user IS NULL OR p_contact IS NOT NULL THEN
      RAISE EXCEPTION 'doudi:pairing.user_required'
        USING DETAIL = json_build_object('level', p_level)::text, ERRCODE = 'RD000';
    END IF;
    SELECT * INTO u FROM doudi.app_user AS x WHERE x.role_name = p_user AND NOT x.disabled;
    IF NOT FOUND OR p.region_code NOT LIKE u.region_scope || '%' THEN
      RAISE EXCEPTION 'doudi:pairing.user_not_eligible'
        USING DETAIL = json_build_object('user', p_user)::text, ERRCODE = 'RD000';
    END IF;
    IF NOT doudi.pairing_user_fits(p_level, u.group_role, u.region_scope) THEN
      RAISE EXCEPTION 'doudi:pairing.user_wrong_level'
        USING DETAIL = json_build_object('user', p_user, 'level', p_level)::text, ERRCODE = 'RD000';
    END IF;
  END IF;
  PERFORM doudi.pairing_check_date('since_date', v_since);
  IF v_since < p.since THEN
    RAISE EXCEPTION 'doudi:pairing.before_enrolment'
      USING DETAIL = json_build_object('date', v_since, 'since', p.since)::text, ERRCODE = 'RD000';
  END IF;
  SELECT * INTO current_row FROM doudi.pairing_assignment AS a
  WHERE a.household_id = p_household AND a.level = p_level AND a.until IS NULL;
  IF FOUND THEN
    IF current_row.user_role IS NOT DISTINCT FROM p_user AND current_row.contact_id IS NOT DISTINCT FROM p_contact THEN
      RETURN current_row.id;
    END IF;
    IF v_since < current_row.since THEN
      RAISE EXCEPTION 'doudi:pairing.since_before_current'
        USING DETAIL = json_build_object('since', v_since, 'current_since', current_row.since)::text,
              ERRCODE = 'RD000';
    END IF;
    UPDATE doudi.pairing_assignment AS a SET until = v_since WHERE a.id = current_row.id;
  END IF;
  INSERT INTO doudi.pairing_assignment (household_id, region_code, level, user_role, contact_id, since, assigned_by)
  VALUES (p_household, p.region_code, p_level, p_user, p_contact, v_since, doudi.acting_user())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_assign(bigint,text,text,bigint,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.pairing_assign(bigint,text,text,bigint,date) TO doudi_township_reviewer,
  doudi_city_decider, doudi_center_admin;
