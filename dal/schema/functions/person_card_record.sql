-- Records what a member's resident-ID card said when the desk's reader read
-- it (doudi.person_card, docs/devices.md). Only beside a save of the
-- household under the same request id by the same user (doudi.save_request:
-- the data layer calls it in that save's transaction; a save resent after a
-- lost reply finds its request there too), so every read rides on an
-- audited save of the household. The member is the household's current
-- member with the card's number. The same request sent again records
-- nothing new and returns the same row. Refuses (SQLSTATE): 42501 a caller
-- who may not edit the registry; P0002 a household they may not see, or
-- gone, alike (household.gone); RD000 no such save (card.without_save); a
-- field the card cannot have (card.bad_field and the field: ethnicity,
-- authority, valid_from, valid_until, photo; the rule is the tables' own,
-- doudi.id_card_bad_field and doudi.id_card_photo_ok in migration 0017, and
-- a validity starting after today), checked before the number, so
-- that a bad field says nothing about whose number it is; a number that is
-- no current member's of it (card.not_a_member) — which a caller of these
-- groups learns of a household in their scope from the registry's full-ID
-- search anyway.
CREATE OR REPLACE FUNCTION doudi.person_card_record(p_request uuid, p_household bigint, p_id_number text,
                                                    p_ethnicity text, p_authority text, p_valid_from date,
                                                    p_valid_until date, p_photo bytea) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  h doudi.household;
  v_person bigint;
  v_card bigint;
  v_field text;
BEGIN
  PERFORM doudi.require_staff_may('edit_registry');
  SELECT * INTO h FROM doudi.household AS x WHERE x.id = p_household;
  IF NOT FOUND OR NOT (doudi.session_is_superuser() OR h.region_code BETWEEN doudi.scope_low() AND doudi.scope_high())
  THEN
    RAISE EXCEPTION 'doudi:household.gone' USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT EXISTS (SELECT FROM doudi.save_request AS r
                 WHERE r.request_id = p_request AND r.household_id = h.id AND r.saved_by = session_user) THEN
    RAISE EXCEPTION 'doudi:card.without_save' USING ERRCODE = 'RD000';
  END IF;
  -- What no card says (doudi.id_card_bad_field, the table's CHECK too), a
  -- card not yet issued, a photo the table does not keep.
  v_field := coalesce(doudi.id_card_bad_field(p_ethnicity, p_authority, p_valid_from, p_valid_until),
                      CASE WHEN p_valid_from > current_date THEN 'valid_from'
                           WHEN p_photo IS NOT NULL AND NOT doudi.id_card_photo_ok(p_photo) THEN 'photo' END);
  IF v_field IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:card.bad_field'
      USING DETAIL = json_build_object('field', v_field)::text, ERRCODE = 'RD000';
  END IF;
  SELECT p.id INTO v_person FROM doudi.person AS p
  WHERE p.household_id = h.id AND p.left_on IS NULL AND p.id_number = upper(p_id_number);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'doudi:card.not_a_member' USING ERRCODE = 'RD000';
  END IF;
  SELECT c.id INTO v_card FROM doudi.person_card AS c WHERE c.person_id = v_person AND c.request_id = p_request;
  IF FOUND THEN
    RETURN v_card;
  END IF;
  INSERT INTO doudi.person_card (request_id, person_id, household_id, region_code, id_number_masked, ethnicity_code,
                                 authority, valid_from, valid_until, photo_sha256, photo_bytes)
  VALUES (p_request, v_person, h.id, h.region_code, doudi.mask_resident_id(upper(p_id_number)), p_ethnicity,
          p_authority, p_valid_from, p_valid_until,
          CASE WHEN p_photo IS NOT NULL THEN sha256(p_photo) END, coalesce(octet_length(p_photo), 0))
  RETURNING id INTO v_card;
  IF p_photo IS NOT NULL THEN
    INSERT INTO doudi.person_card_photo (card_id, household_id, region_code, photo)
    VALUES (v_card, h.id, h.region_code, p_photo);
  END IF;
  RETURN v_card;
END
$$;
REVOKE ALL ON FUNCTION doudi.person_card_record(uuid,bigint,text,text,text,date,date,bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.person_card_record(uuid,bigint,text,text,text,date,date,bytea)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
