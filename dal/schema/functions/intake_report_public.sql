-- A report as its reporter sees it: what they typed about whom, and the
-- state (a report merged into another follows that one's state).
CREATE OR REPLACE FUNCTION doudi.intake_report_public(r doudi.intake_report) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT jsonb_build_object(
    'id', r.id, 'request_id', r.request_id, 'received_at', r.received_at, 'name', r.name,
    'category', r.category, 'urgency', r.urgency,
    'state', coalesce((SELECT m.state FROM doudi.intake_report AS m WHERE m.id = r.merged_into), r.state),
    'photos', (SELECT count(*) FROM doudi.intake_photo AS p WHERE p.report_id = r.id))
$$;
REVOKE ALL ON FUNCTION doudi.intake_report_public(doudi.intake_report) FROM PUBLIC;
