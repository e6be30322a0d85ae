-- Who a token belongs to, for the phone page: the reporter's name, region,
-- last day and the villages of the region (the form's village list).
CREATE OR REPLACE FUNCTION doudi.intake_reporter(p_secret text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t doudi.intake_token := doudi.intake_token_for(p_secret);
BEGIN
  RETURN jsonb_build_object(
    'token_id', t.id,
    'name', t.name,
    'region', jsonb_build_object('code', t.region_code,
                                 'name', (SELECT r.name FROM doudi.region AS r WHERE r.code = rpad(t.region_code, 12, '0'))),
    'expires_on', t.expires_on,
    'villages', coalesce((SELECT jsonb_agg(jsonb_build_object('code', r.code, 'name', r.name) ORDER BY r.code)
                          FROM doudi.region AS r
                          WHERE r.code BETWEEN rpad(t.region_code, 12, '0') AND rpad(t.region_code, 12, '9')
                            AND r.level = 'village'), '[]'::jsonb));
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_reporter(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_reporter(text) TO doudi_intake;
