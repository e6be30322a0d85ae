-- Adds a department to a county's catalog (p_version NULL) or changes one
-- at the version the administrator saw: its name, phone, order and whether
-- it takes referrals. Returns the new version. A code is never reused for
-- another department: a department that stops is made inactive.
CREATE OR REPLACE FUNCTION doudi.department_save(p_county text, p_code text, p_name text, p_phone text,
                                                 p_active boolean, p_sort_order integer, p_version integer)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_current doudi.department;
  v_field text;
BEGIN
  PERFORM doudi.department_check_county(p_county);
  v_field := CASE
    WHEN p_code IS NULL OR p_code !~ '^[a-z][a-z0-9_]{0,39}$' THEN 'code'
    WHEN p_name IS NULL OR btrim(p_name) = '' OR char_length(btrim(p_name)) > 50 OR p_name ~ '[[:cntrl:]]' THEN 'name'
    WHEN coalesce(p_phone, '') <> '' AND p_phone !~ '^\+?[0-9][0-9-]{4,19}$' THEN 'phone'
    WHEN p_sort_order IS NULL OR p_sort_order NOT BETWEEN 0 AND 10000 THEN 'sort_order'
  END;
  IF v_field IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:department.bad_field'
      USING DETAIL = json_build_object('field', v_field, 'code', p_code)::text, ERRCODE = 'RD000';
  END IF;
  SELECT * INTO v_current FROM doudi.department AS d WHERE d.county_code = p_county AND d.code = p_code FOR UPDATE;
  IF p_version IS NULL THEN
    IF FOUND THEN
      RAISE EXCEPTION 'doudi:department.exists' USING DETAIL = json_build_object('code', p_code)::text,
            ERRCODE = 'RD000';
    END IF;
    IF EXISTS (SELECT 1 FROM doudi.department AS d WHERE d.county_code = p_county AND d.name = btrim(p_name)) THEN
      RAISE EXCEPTION 'doudi:department.name_taken' USING DETAIL = json_build_object('name', btrim(p_name))::text,
            ERRCODE = 'RD000';
    END IF;
    INSERT INTO doudi.department (county_code, code, name, phone, active, sort_order, updated_by)
    VALUES (p_county, p_code, btrim(p_name), coalesce(p_phone, ''), coalesce(p_active, true), p_sort_order,
            doudi.acting_user());
    RETURN 1;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'doudi:department.not_found' USING DETAIL = json_build_object('code', p_code)::text,
          ERRCODE = 'RD000';
  END IF;
  IF v_current.version <> p_version THEN
    RAISE EXCEPTION 'doudi:department.changed'
      USING DETAIL = json_build_object('code', p_code, 'version', v_current.version,
                                       'expected_version', p_version)::text, ERRCODE = 'serialization_failure';
  END IF;
  IF EXISTS (SELECT 1 FROM doudi.department AS d WHERE d.county_code = p_county AND d.name = btrim(p_name)
             AND d.code <> p_code) THEN
    RAISE EXCEPTION 'doudi:department.name_taken' USING DETAIL = json_build_object('name', btrim(p_name))::text,
          ERRCODE = 'RD000';
  END IF;
  UPDATE doudi.department AS d
  SET name = btrim(p_name), phone = coalesce(p_phone, ''), active = coalesce(p_active, d.active),
      sort_order = p_sort_order, version = d.version + 1, updated_at = now(), updated_by = doudi.acting_user()
  WHERE d.county_code = p_county AND d.code = p_code;
  RETURN p_version + 1;
END
$$;
REVOKE ALL ON FUNCTION doudi.department_save(text,text,text,text,boolean,integer,integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.department_save(text,text,text,text,boolean,integer,integer) TO doudi_center_admin;
