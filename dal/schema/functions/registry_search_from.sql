CREATE OR REPLACE FUNCTION doudi.registry_search_from(p_kind text, p_region boolean, p_status boolean) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q text := ' FROM doudi.person AS p JOIN doudi.household AS h ON h.id = p.household_id WHERE p.left_on IS NULL';
BEGIN
  q := q || CASE p_kind
    WHEN 'full_id' THEN ' AND p.id_number = $1'
    WHEN 'id_prefix' THEN ' AND p.id_number >= $1 AND p.id_number < $3'
    WHEN 'name' THEN ' AND doudi.name_grams(p.name) @> doudi.name_grams($1) AND p.name LIKE $2'
    WHEN 'surname' THEN ' AND p.name >= $1 AND p.name < $3'
    WHEN 'none' THEN ''
    ELSE NULL END;
  IF q IS NULL THEN
    RAISE EXCEPTION 'doudi:search.unknown_kind' USING DETAIL = json_build_object('kind', p_kind)::text, ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_region THEN q := q || ' AND p.region_code BETWEEN $4 AND $5'; END IF;
  IF p_status THEN q := q || ' AND h.registry_status = $6'; END IF;
  -- The scope stays a plain index range; a liaison additionally needs the
  -- referral to their department.
  IF NOT doudi.session_is_superuser() THEN
    q := q || ' AND p.region_code BETWEEN $7 AND $8';
    IF doudi.session_group() = 'department_liaison' THEN
      q := q || ' AND EXISTS (SELECT 1 FROM doudi.referral AS r WHERE r.household_id = p.household_id'
                ' AND r.department = $9)';
    END IF;
  END IF;
  RETURN q;
END
$$;
REVOKE ALL ON FUNCTION doudi.registry_search_from(text,boolean,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.registry_search_from(text,boolean,boolean) TO doudi_scope_reader;
