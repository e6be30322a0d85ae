ALTER TABLE doudi.region ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.region FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS admins_rename_in_scope ON doudi.region;
CREATE POLICY admins_rename_in_scope ON doudi.region FOR UPDATE TO doudi_center_admin
  USING (code BETWEEN doudi.scope_low() AND doudi.scope_high())
  WITH CHECK (code BETWEEN doudi.scope_low() AND doudi.scope_high());

DROP POLICY IF EXISTS admins_write_in_scope ON doudi.region;
CREATE POLICY admins_write_in_scope ON doudi.region FOR INSERT TO doudi_center_admin
  WITH CHECK (code BETWEEN doudi.scope_low() AND doudi.scope_high());

DROP POLICY IF EXISTS everyone_reads ON doudi.region;
CREATE POLICY everyone_reads ON doudi.region FOR SELECT USING (true);
