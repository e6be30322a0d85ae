-- 六位一体挂钩帮扶: adds a contact of a county for the enterprise or social
-- worker (volunteer) level of pairing (docs/joint-loop-pairing.md). The
-- county must be the caller's or within the caller's scope. The same
-- contact sent again (county, kind, name, organization and phone alike, still
-- active) returns the id it has: a retry adds nothing.
CREATE OR REPLACE FUNCTION doudi.pairing_contact_add(p_county text, p_kind text, p_name text, p_organization text,
                                                     p_phone text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_name CONSTANT text := btrim(coalesce(p_name, ''));
  v_organization CONSTANT text := btrim(coalesce(p_organization, ''));
  v_phone CONSTANT text := btrim(coalesce(p_phone, ''));
  found_id bigint;
BEGIN
  PERFORM doudi.require_staff_may('manage_pairing_contacts');
  IF p_county IS NULL OR p_county !~ '^[0-9]{6}$' OR NOT doudi.session_is_superuser()
     AND NOT p_county BETWEEN left(doudi.scope_low(), 6) AND left(doudi.scope_high(), 6) THEN
    RAISE EXCEPTION 'doudi:pairing.county_outside_scope'
      USING DETAIL = json_build_object('county', p_county)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_kind IS NULL OR p_kind NOT IN ('enterprise', 'social_worker') THEN
    RAISE EXCEPTION 'doudi:pairing.bad_contact_kind'
      USING DETAIL = json_build_object('kind', p_kind)::text, ERRCODE = 'RD000';
  END IF;
  PERFORM doudi.pairing_check_text('contact_name', v_name, 50, true);
  PERFORM doudi.pairing_check_text('organization', v_organization, 100, false);
  IF v_phone <> '' AND v_phone !~ '^\+?[0-9][0-9-]{4,19}$' THEN
    RAISE EXCEPTION 'doudi:pairing.bad_phone' USING DETAIL = json_build_object('phone', v_phone)::text, ERRCODE = 'RD000';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_county || '/' || p_kind || '/' || v_name, 15));
  SELECT c.id INTO found_id FROM doudi.pairing_contact AS c
  WHERE c.county_code = p_county AND c.kind = p_kind AND c.name = v_name AND c.organization = v_organization
    AND c.phone = v_phone AND c.active
  ORDER BY c.id LIMIT 1;
  IF FOUND THEN
    RETURN found_id;
  END IF;
  INSERT INTO doudi.pairing_contact (county_code, kind, name, organization, phone, added_by)
  VALUES (p_county, p_kind, v_name, v_organization, v_phone, doudi.acting_user())
  RETURNING id INTO found_id;
  RETURN found_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.pairing_contact_add(text,text,text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.pairing_contact_add(text,text,text,text,text) TO doudi_center_admin;
