-- Says that a department of a county gives a kind of help (or no longer
-- does: p_active false), with a description, and from p_effective_from the
-- working days it has to answer a referral for it (dated: an earlier
-- value keeps counting for referrals sent before). p_working_days NULL
-- leaves the days as they are (a new kind of help needs them).
CREATE OR REPLACE FUNCTION doudi.department_help_set(p_county text, p_department text, p_kind text,
                                                     p_description text, p_active boolean,
                                                     p_working_days integer, p_effective_from date)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_field text;
BEGIN
  PERFORM doudi.department_check_county(p_county);
  IF NOT EXISTS (SELECT 1 FROM doudi.department AS d WHERE d.county_code = p_county AND d.code = p_department) THEN
    RAISE EXCEPTION 'doudi:department.not_found' USING DETAIL = json_build_object('code', p_department)::text,
          ERRCODE = 'RD000';
  END IF;
  v_field := CASE
    WHEN p_kind IS NULL OR p_kind NOT IN ('cash', 'in_kind', 'service', 'job', 'school_aid', 'medical_aid', 'housing')
      THEN 'kind'
    WHEN char_length(coalesce(p_description, '')) > 200 THEN 'description'
    WHEN p_working_days IS NOT NULL AND p_working_days NOT BETWEEN 1 AND 250 THEN 'working_days'
    WHEN p_working_days IS NOT NULL AND p_effective_from IS NULL THEN 'effective_from'
    WHEN p_working_days IS NULL AND NOT EXISTS (SELECT 1 FROM doudi.department_due_days AS d
                                                WHERE d.county_code = p_county AND d.department = p_department
                                                  AND d.kind = p_kind) THEN 'working_days'
  END;
  IF v_field IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:department.bad_field'
      USING DETAIL = json_build_object('field', v_field, 'code', p_department)::text, ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.department_help AS h (county_code, department, kind, description, active)
  VALUES (p_county, p_department, p_kind, coalesce(btrim(p_description), ''), coalesce(p_active, true))
  ON CONFLICT (county_code, department, kind) DO UPDATE
    SET description = coalesce(btrim(p_description), h.description), active = coalesce(p_active, h.active)
    WHERE (h.description, h.active) IS DISTINCT FROM (coalesce(btrim(p_description), h.description),
                                                      coalesce(p_active, h.active));
  IF p_working_days IS NOT NULL THEN
    INSERT INTO doudi.department_due_days AS d (county_code, department, kind, effective_from, working_days,
                                                created_by)
    VALUES (p_county, p_department, p_kind, p_effective_from, p_working_days, doudi.acting_user())
    ON CONFLICT (county_code, department, kind, effective_from) DO NOTHING;
    IF NOT FOUND AND NOT EXISTS (SELECT 1 FROM doudi.department_due_days AS d
                                 WHERE d.county_code = p_county AND d.department = p_department AND d.kind = p_kind
                                   AND d.effective_from = p_effective_from AND d.working_days = p_working_days) THEN
      -- dated values are never changed: a correction takes another date
      RAISE EXCEPTION 'doudi:department.due_days_dated'
        USING DETAIL = json_build_object('code', p_department, 'kind', p_kind,
                                         'effective_from', p_effective_from)::text, ERRCODE = 'RD000';
    END IF;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.department_help_set(text,text,text,text,boolean,integer,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.department_help_set(text,text,text,text,boolean,integer,date) TO doudi_center_admin;
