-- The reports a token sent, newest first (at most 100), each with its state.
CREATE OR REPLACE FUNCTION doudi.intake_reports_of(p_secret text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t doudi.intake_token := doudi.intake_token_for(p_secret);
BEGIN
  RETURN coalesce((SELECT jsonb_agg(doudi.intake_report_public(r) ORDER BY r.received_at DESC, r.id DESC)
                   FROM (SELECT * FROM doudi.intake_report AS x WHERE x.token_id = t.id
                         ORDER BY x.received_at DESC, x.id DESC LIMIT 100) AS r), '[]'::jsonb);
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_reports_of(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_reports_of(text) TO doudi_intake;
