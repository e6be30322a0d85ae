-- crosscheck_row: read within the caller's scope by the groups whose alert
-- rules read its kind (village clerks and liaisons read none of it); written
-- only by doudi.crosscheck_import_apply, as the owner.
ALTER TABLE doudi.crosscheck_row ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.crosscheck_row FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS handlers_read ON doudi.crosscheck_row;
CREATE POLICY handlers_read ON doudi.crosscheck_row FOR SELECT TO doudi_user
  USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high() AND doudi.handles_alerts(NULL, kind));
DROP POLICY IF EXISTS owner_all ON doudi.crosscheck_row;
CREATE POLICY owner_all ON doudi.crosscheck_row TO doudi_owner USING (true) WITH CHECK (true);
