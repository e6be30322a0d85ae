-- Stores one report from the field (doudi-intake, the reporter's token):
-- p_report is {"name", "id_number" (optional), "phone" (optional), "village",
-- "address" (optional), "category", "description", "urgency", "consent"}, the photos
-- are already re-encoded by the server (media type, width, height each).
-- The same request id from the same token returns the report stored the
-- first time, never a second one ("created": false). A village outside the
-- token's region is refused (doudi:intake.region_outside); a bad field is
-- refused naming it (doudi:intake.bad_field), so nothing half-stored remains.
CREATE OR REPLACE FUNCTION doudi.intake_submit(p_secret text, p_request uuid, p_report jsonb, p_photos bytea[],
                                               p_media_types text[], p_widths integer[], p_heights integer[])
  RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t doudi.intake_token := doudi.intake_token_for(p_secret);
  r doudi.intake_report;
  v_village text := p_report ->> 'village';
  v_id_number text := nullif(upper(btrim(coalesce(p_report ->> 'id_number', ''))), '');
  v_count integer := coalesce(cardinality(p_photos), 0);
  v_field text;
BEGIN
  IF p_request IS NULL THEN
    RAISE EXCEPTION 'doudi:intake.bad_field' USING DETAIL = json_build_object('field', 'request_id')::text,
          ERRCODE = 'RD000';
  END IF;
  SELECT * INTO r FROM doudi.intake_report AS x WHERE x.token_id = t.id AND x.request_id = p_request;
  IF FOUND THEN
    RETURN doudi.intake_report_public(r) || jsonb_build_object('created', false);
  END IF;
  IF v_village IS NULL OR NOT EXISTS (SELECT FROM doudi.region AS g WHERE g.code = v_village AND g.level = 'village') THEN
    RAISE EXCEPTION 'doudi:intake.bad_field' USING DETAIL = json_build_object('field', 'village')::text,
          ERRCODE = 'RD000';
  END IF;
  IF v_village NOT BETWEEN rpad(t.region_code, 12, '0') AND rpad(t.region_code, 12, '9') THEN
    RAISE EXCEPTION 'doudi:intake.region_outside' USING DETAIL = json_build_object('field', 'village')::text,
          ERRCODE = 'RD000';
  END IF;
  v_field := CASE
    WHEN NOT coalesce(doudi.name_storable(btrim(p_report ->> 'name')) AND char_length(btrim(p_report ->> 'name')) <= 50, false)
      THEN 'name'
    WHEN v_id_number IS NOT NULL AND NOT doudi.resident_id_valid(v_id_number) THEN 'id_number'
    WHEN coalesce(btrim(p_report ->> 'phone'), '') !~ '^([0-9+ -]{5,20})?$' THEN 'phone'
    WHEN NOT doudi.text_storable(btrim(coalesce(p_report ->> 'address', '')), 200) THEN 'address'
    WHEN coalesce(p_report ->> 'category', '') NOT IN ('illness', 'accident', 'disaster', 'income_loss', 'disability',
                                                      'elderly_alone', 'child', 'other') THEN 'category'
    WHEN btrim(coalesce(p_report ->> 'description', '')) = ''
         OR NOT doudi.text_storable(btrim(p_report ->> 'description'), 2000, true) THEN 'description'
    WHEN coalesce(p_report ->> 'urgency', '') NOT IN ('normal', 'urgent', 'emergency') THEN 'urgency'
    WHEN jsonb_typeof(p_report -> 'consent') IS DISTINCT FROM 'boolean' OR NOT (p_report -> 'consent')::boolean THEN 'consent'
    WHEN v_count > 3 OR coalesce(cardinality(p_media_types), 0) <> v_count OR coalesce(cardinality(p_widths), 0) <> v_count
         OR coalesce(cardinality(p_heights), 0) <> v_count THEN 'photo'
    END;
  IF v_field IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:intake.bad_field' USING DETAIL = json_build_object('field', v_field)::text,
          ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.intake_report AS x (token_id, request_id, region_code, name, id_number, phone, address, category,
                                        description, urgency, consent)
  VALUES (t.id, p_request, v_village, btrim(p_report ->> 'name'), v_id_number, coalesce(btrim(p_report ->> 'phone'), ''),
          btrim(coalesce(p_report ->> 'address', '')), p_report ->> 'category', btrim(p_report ->> 'description'),
          p_report ->> 'urgency', true)
  ON CONFLICT (token_id, request_id) DO NOTHING
  RETURNING * INTO r;
  IF NOT FOUND THEN
    -- the same request, sent twice at once: the other one stored it
    SELECT * INTO r FROM doudi.intake_report AS x WHERE x.token_id = t.id AND x.request_id = p_request;
    RETURN doudi.intake_report_public(r) || jsonb_build_object('created', false);
  END IF;
  INSERT INTO doudi.intake_photo (report_id, position, region_code, media_type, content, width, height)
  SELECT r.id, i, r.region_code, p_media_types[i], p_photos[i], p_widths[i], p_heights[i]
  FROM generate_series(1, v_count) AS i;
  RETURN doudi.intake_report_public(r) || jsonb_build_object('created', true);
EXCEPTION WHEN check_violation THEN
  -- a photo the table refuses (type, size, dimensions)
  RAISE EXCEPTION 'doudi:intake.bad_field' USING DETAIL = json_build_object('field', 'photo')::text,
        ERRCODE = 'RD000';
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_submit(text,uuid,jsonb,bytea[],text[],integer[],integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_submit(text,uuid,jsonb,bytea[],text[],integer[],integer[]) TO doudi_intake;
