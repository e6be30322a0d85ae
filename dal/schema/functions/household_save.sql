-- Creates (p_household_id NULL) or saves a household with its members,
-- income and assets, in one step; returns its id and new version.
--   Members arrive as parallel arrays: p_member_ids (0 for a new member),
--   ID numbers ('' keeps the stored one: the caller saw it masked), names,
--   relation codes, disability category and grade (0 none), illnesses
--   joined by ';', schooling, employment, work ability. A member no longer
--   given is marked as having left. Income rows name their member by its
--   1-based place in those arrays (0: the household as a whole); income and
--   assets are replaced. p_bank_account NULL keeps the stored account.
-- Refuses (SQLSTATE): 42501 a caller outside the writing groups or a region
-- outside their scope; P0002 a household (or member) they may not change
-- or that is gone, alike; 40001 a stale version; 23505 a member already in
-- another household the caller may see (its id); 54000 the daily limit of
-- persons found outside the caller's scope; 22023 arrays of different
-- lengths or a request id of another household. A member registered
-- outside the caller's scope is not raised but returned in refusal
-- (doudi:household.member_outside_scope and the member's place, no household), with nothing saved, so that its record stays. A
-- request id already applied returns what it produced.
CREATE OR REPLACE FUNCTION doudi.household_save(
  p_request_id uuid, p_household_id bigint, p_expected_version integer,
  p_region_code text, p_address text, p_phone text, p_housing text, p_bank_name text, p_bank_account text,
  p_registry_status text,
  p_member_ids bigint[], p_member_id_numbers text[], p_member_names text[], p_member_relations text[],
  p_member_disability text[], p_member_grades integer[], p_member_illnesses text[], p_member_schooling text[],
  p_member_employment text[], p_member_work_ability text[],
  p_income_members integer[], p_income_kinds text[], p_income_fen bigint[], p_income_notes text[],
  p_asset_kinds text[], p_asset_descriptions text[], p_asset_fen bigint[],
  OUT saved_household_id bigint, OUT saved_version integer, OUT refusal text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  n integer := coalesce(cardinality(p_member_names), 0);
  done record;
  cur doudi.household;
  hid bigint;
  ver integer;
  pid bigint;
  person_ids bigint[] := ARRAY[]::bigint[];
  seen_ord bigint;
  seen_household bigint;
  hidden bigint[];
  hidden_ord bigint;
  unknown integer;
BEGIN
  SELECT r.household_id, r.version INTO done FROM doudi.save_request AS r WHERE r.request_id = p_request_id;
  IF FOUND THEN
    IF p_household_id IS NOT NULL AND done.household_id <> p_household_id THEN
      RAISE EXCEPTION 'doudi:request.other_record'
        USING ERRCODE = 'invalid_parameter_value', HINT = 'this request id was used to save another household';
    END IF;
    saved_household_id := done.household_id;
    saved_version := done.version;
    RETURN;
  END IF;
  PERFORM doudi.require_staff_may('edit_registry');
  IF NOT doudi.session_is_superuser()
     AND NOT coalesce(p_region_code BETWEEN doudi.scope_low() AND doudi.scope_high(), false) THEN
    RAISE EXCEPTION 'doudi:household.outside_scope'
      USING DETAIL = json_build_object('region', p_region_code)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF n <> coalesce(cardinality(p_member_ids), 0) OR n <> coalesce(cardinality(p_member_id_numbers), 0)
     OR n <> coalesce(cardinality(p_member_relations), 0) OR n <> coalesce(cardinality(p_member_disability), 0)
     OR n <> coalesce(cardinality(p_member_grades), 0) OR n <> coalesce(cardinality(p_member_illnesses), 0)
     OR n <> coalesce(cardinality(p_member_schooling), 0) OR n <> coalesce(cardinality(p_member_employment), 0)
     OR n <> coalesce(cardinality(p_member_work_ability), 0)
     OR coalesce(cardinality(p_income_members), 0) <> coalesce(cardinality(p_income_kinds), 0)
     OR coalesce(cardinality(p_income_members), 0) <> coalesce(cardinality(p_income_fen), 0)
     OR coalesce(cardinality(p_income_members), 0) <> coalesce(cardinality(p_income_notes), 0)
     OR coalesce(cardinality(p_asset_kinds), 0) <> coalesce(cardinality(p_asset_descriptions), 0)
     OR coalesce(cardinality(p_asset_kinds), 0) <> coalesce(cardinality(p_asset_fen), 0) THEN
    RAISE EXCEPTION 'doudi:household.malformed' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  IF p_household_id IS NOT NULL THEN
    SELECT * INTO cur FROM doudi.household AS h WHERE h.id = p_household_id FOR UPDATE;
    IF NOT FOUND OR NOT doudi.caller_may_see(cur.id, cur.region_code) THEN
      RAISE EXCEPTION 'doudi:household.gone'
        USING DETAIL = json_build_object('household_id', p_household_id)::text, ERRCODE = 'no_data_found';
    END IF;
    IF cur.version <> p_expected_version THEN
      RAISE EXCEPTION 'doudi:household.changed'
        USING DETAIL = json_build_object('household_id', p_household_id, 'version', cur.version,
                                         'expected_version', p_expected_version)::text,
              ERRCODE = 'serialization_failure';
    END IF;
  END IF;

  -- Members registered elsewhere are refused before anything is written
  -- (one look at the registry serves every answer below).
  SELECT (array_agg(o.ord ORDER BY o.ord) FILTER (WHERE o.visible))[1],
         (array_agg(o.household_id ORDER BY o.ord) FILTER (WHERE o.visible))[1],
         array_agg(o.household_id ORDER BY o.ord) FILTER (WHERE NOT o.visible),
         min(o.ord) FILTER (WHERE NOT o.visible)
  INTO seen_ord, seen_household, hidden, hidden_ord
  FROM doudi.registered_elsewhere(p_member_id_numbers, p_household_id) AS o;
  IF seen_ord IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:household.member_elsewhere'
      USING DETAIL = json_build_object('member', seen_ord, 'household_id', seen_household)::text,
            ERRCODE = 'unique_violation';
  END IF;
  SELECT count(*) INTO unknown FROM unnest(p_member_id_numbers) AS q (id_number)
  WHERE q.id_number <> '' AND NOT EXISTS (
    SELECT 1 FROM doudi.person AS p WHERE p.id_number = q.id_number AND p.left_on IS NULL
      AND doudi.caller_may_see(p.household_id, p.region_code));
  PERFORM doudi.cross_scope_charge(coalesce(cardinality(hidden), 0), unknown);
  IF hidden IS NOT NULL THEN
    -- Said as a refusal, not raised: the record of the question stays when
    -- the caller commits, as the workstation does.
    PERFORM doudi.cross_scope_record(hidden);
    -- The code, a space, and its arguments as JSON (docs/errors.md).
    refusal := 'doudi:household.member_outside_scope ' || json_build_object('member', hidden_ord)::text;
    RETURN;
  END IF;

  IF p_household_id IS NULL THEN
    INSERT INTO doudi.household (region_code, address, phone, housing, bank_name, bank_account, registry_status)
    VALUES (p_region_code, p_address, NULLIF(p_phone, ''), p_housing, NULLIF(p_bank_name, ''),
            NULLIF(p_bank_account, ''), p_registry_status)
    RETURNING id, version INTO hid, ver;
  ELSE
    UPDATE doudi.household AS h
    SET region_code = p_region_code, address = p_address, phone = NULLIF(p_phone, ''), housing = p_housing,
        bank_name = NULLIF(p_bank_name, ''), registry_status = p_registry_status,
        bank_account = CASE WHEN p_bank_account IS NULL THEN h.bank_account ELSE NULLIF(p_bank_account, '') END
    WHERE h.id = p_household_id
    RETURNING h.id, h.version INTO hid, ver;
  END IF;

  FOR i IN 1 .. n LOOP
    IF coalesce(p_member_ids[i], 0) > 0 THEN
      UPDATE doudi.person AS p
      SET position = i - 1, name = p_member_names[i], relation = p_member_relations[i],
          disability_category = p_member_disability[i], disability_grade = NULLIF(p_member_grades[i], 0),
          illnesses = string_to_array(p_member_illnesses[i], ';'), schooling = p_member_schooling[i],
          employment = p_member_employment[i], work_ability = p_member_work_ability[i],
          id_number = coalesce(NULLIF(p_member_id_numbers[i], ''), p.id_number)
      WHERE p.id = p_member_ids[i] AND p.household_id = hid AND p.left_on IS NULL
      RETURNING p.id INTO pid;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'doudi:household.member_gone'
          USING DETAIL = json_build_object('member_id', p_member_ids[i])::text, ERRCODE = 'no_data_found';
      END IF;
    ELSE
      INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation,
                                disability_category, disability_grade, illnesses, schooling, employment, work_ability)
      VALUES (hid, p_region_code, i - 1, p_member_id_numbers[i], p_member_names[i], p_member_relations[i],
              p_member_disability[i], NULLIF(p_member_grades[i], 0), string_to_array(p_member_illnesses[i], ';'),
              p_member_schooling[i], p_member_employment[i], p_member_work_ability[i])
      RETURNING id INTO pid;
    END IF;
    person_ids := person_ids || pid;
  END LOOP;
  UPDATE doudi.person AS p SET left_on = current_date
  WHERE p.household_id = hid AND p.left_on IS NULL AND NOT (p.id = ANY (person_ids));

  DELETE FROM doudi.income_item AS x WHERE x.household_id = hid;
  INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen, note)
  SELECT hid, p_region_code, CASE WHEN m.member > 0 THEN person_ids[m.member] END, m.kind, m.fen, coalesce(m.note, '')
  FROM unnest(p_income_members, p_income_kinds, p_income_fen, p_income_notes) AS m (member, kind, fen, note);
  DELETE FROM doudi.asset AS x WHERE x.household_id = hid;
  INSERT INTO doudi.asset (household_id, region_code, kind, description, value_fen)
  SELECT hid, p_region_code, a.kind, coalesce(a.description, ''), a.fen
  FROM unnest(p_asset_kinds, p_asset_descriptions, p_asset_fen) AS a (kind, description, fen);

  IF p_request_id IS NOT NULL THEN
    INSERT INTO doudi.save_request (request_id, household_id, version) VALUES (p_request_id, hid, ver);
  END IF;
  saved_household_id := hid;
  saved_version := ver;
END
$$;
REVOKE ALL ON FUNCTION doudi.household_save(uuid,bigint,integer,text,text,text,text,text,text,text,bigint[],text[],text[],text[],text[],integer[],text[],text[],text[],text[],integer[],text[],bigint[],text[],text[],text[],bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_save(uuid,bigint,integer,text,text,text,text,text,text,text,bigint[],text[],text[],text[],text[],integer[],text[],text[],text[],text[],integer[],text[],bigint[],text[],text[],text[],bigint[]) TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
