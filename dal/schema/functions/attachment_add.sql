-- Stores a file (docs/attachments.md) and returns its id. The caller's group
-- must hold attach_files (assets/rules/staff_capabilities.csv) and the
-- owner must be one the caller may see (doudi.attachment_owner; "no such
-- owner" alike for one outside the scope and a missing one). The type is
-- told by the content's first bytes (PDF, JPEG, PNG; anything else is
-- refused), the size is at most the attachments parameter max_bytes in
-- force for the owner's region. p_replaces names the file this one is a new
-- version of: the same owner's, in force (not withdrawn, not replaced yet).
-- The same request id sent again by the same user returns the same id;
-- used by anyone else or for another owner it is refused.
CREATE OR REPLACE FUNCTION doudi.attachment_add(p_owner_kind text, p_owner_id bigint, p_kind text, p_file_name text,
                                                p_content bytea, p_note text, p_replaces bigint, p_request_id uuid)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_owner record;
  v_old doudi.attachment;
  v_media text;
  v_size bigint := octet_length(p_content);
  v_limit bigint;
  v_id bigint;
  v_field text;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  SELECT * INTO v_old FROM doudi.attachment AS a WHERE a.request_id = p_request_id;
  IF FOUND THEN
    IF v_old.added_by = doudi.acting_user() AND v_old.owner_kind = p_owner_kind AND v_old.owner_id = p_owner_id THEN
      RETURN v_old.id;
    END IF;
    PERFORM doudi.case_request_reused(p_request_id);
  END IF;
  PERFORM doudi.require_staff_may('attach_files');
  v_field := CASE
    WHEN p_owner_kind IS NULL
         OR p_owner_kind NOT IN ('household', 'member', 'case', 'evidence', 'alert', 'referral', 'visit') THEN 'owner_kind'
    WHEN p_kind IS NULL OR p_kind NOT IN ('authorization', 'id_card_copy', 'household_register', 'income_proof',
                                          'disability_certificate', 'medical_bills', 'survey_form_signed',
                                          'decision_signed', 'photo', 'other') THEN 'kind'
    WHEN p_file_name IS NULL OR octet_length(p_file_name) NOT BETWEEN 1 AND 255 OR p_file_name ~ '[/\\[:cntrl:]]'
         OR NOT doudi.text_storable(p_file_name, 255) THEN 'file_name'
    WHEN NOT doudi.text_storable(coalesce(p_note, ''), 500, true) THEN 'note'
  END;
  IF v_field IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:attachment.bad_field' USING DETAIL = json_build_object('field', v_field)::text,
          ERRCODE = 'RD000';
  END IF;
  SELECT * INTO v_owner FROM doudi.attachment_owner(p_owner_kind, p_owner_id);
  IF v_owner.region_code IS NULL THEN
    RAISE EXCEPTION 'doudi:attachment.owner_not_found'
      USING DETAIL = json_build_object('owner_kind', p_owner_kind, 'owner_id', p_owner_id)::text,
            ERRCODE = 'no_data_found';
  END IF;
  v_media := CASE
    WHEN substring(p_content FROM 1 FOR 5) = '\x255044462d'::bytea THEN 'application/pdf'
    WHEN substring(p_content FROM 1 FOR 3) = '\xffd8ff'::bytea THEN 'image/jpeg'
    WHEN substring(p_content FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea THEN 'image/png'
  END;
  IF v_media IS NULL THEN
    RAISE EXCEPTION 'doudi:attachment.type_unknown' USING DETAIL = json_build_object('file_name', p_file_name)::text,
          ERRCODE = 'RD000';
  END IF;
  v_limit := doudi.attachment_max_bytes(v_owner.region_code);
  IF v_size > v_limit THEN
    RAISE EXCEPTION 'doudi:attachment.too_large'
      USING DETAIL = json_build_object('file_name', p_file_name, 'byte_size', v_size, 'max_bytes', v_limit)::text,
            ERRCODE = 'RD000';
  END IF;
  v_old := NULL;
  IF p_replaces IS NOT NULL THEN
    SELECT * INTO v_old FROM doudi.attachment AS a
    WHERE a.id = p_replaces AND a.owner_kind = p_owner_kind AND a.owner_id = p_owner_id FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'doudi:attachment.replace_other_owner' USING DETAIL = json_build_object('id', p_replaces)::text,
            ERRCODE = 'RD000';
    END IF;
    IF v_old.withdrawn_at IS NOT NULL THEN
      RAISE EXCEPTION 'doudi:attachment.withdrawn' USING DETAIL = json_build_object('id', p_replaces)::text,
            ERRCODE = 'RD000';
    END IF;
    SELECT a.id INTO v_id FROM doudi.attachment AS a WHERE a.replaces_id = p_replaces;
    IF FOUND THEN
      RAISE EXCEPTION 'doudi:attachment.already_replaced'
        USING DETAIL = json_build_object('id', p_replaces, 'by', v_id)::text, ERRCODE = 'RD000';
    END IF;
  END IF;
  INSERT INTO doudi.attachment AS a (owner_kind, owner_id, household_id, region_code, kind, file_name, media_type,
                                     byte_size, sha256, version, replaces_id, note, request_id)
  VALUES (p_owner_kind, p_owner_id, v_owner.household_id, v_owner.region_code, p_kind, p_file_name, v_media, v_size,
          sha256(p_content), coalesce(v_old.version + 1, 1), p_replaces, coalesce(btrim(p_note), ''), p_request_id)
  RETURNING a.id INTO v_id;
  INSERT INTO doudi.attachment_content (attachment_id, region_code, media_type, byte_size, content)
  VALUES (v_id, v_owner.region_code, v_media, v_size, p_content);
  RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.attachment_add(text,bigint,text,text,bytea,text,bigint,uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.attachment_add(text,bigint,text,text,bytea,text,bigint,uuid)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin, doudi_department_liaison;
