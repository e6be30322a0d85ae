-- crosscheck_person: persons known only from cross-check data, read within
-- the caller's scope by the groups that handle alerts; written only by
-- doudi.crosscheck_import_apply, as the owner.
ALTER TABLE doudi.crosscheck_person ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.crosscheck_person FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS handlers_read ON doudi.crosscheck_person;
CREATE POLICY handlers_read ON doudi.crosscheck_person FOR SELECT TO doudi_user
  USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high() AND doudi.handles_alerts(NULL, NULL));
DROP POLICY IF EXISTS owner_all ON doudi.crosscheck_person;
CREATE POLICY owner_all ON doudi.crosscheck_person TO doudi_owner USING (true) WITH CHECK (true);
