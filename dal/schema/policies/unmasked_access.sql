ALTER TABLE doudi.unmasked_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.unmasked_access FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS admins_read ON doudi.unmasked_access;
CREATE POLICY admins_read ON doudi.unmasked_access FOR SELECT TO doudi_center_admin, doudi_auditor
  USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high()
         OR rpad(viewer_scope, 12, '0') BETWEEN doudi.scope_low() AND doudi.scope_high());

DROP POLICY IF EXISTS owner_writes ON doudi.unmasked_access;
CREATE POLICY owner_writes ON doudi.unmasked_access FOR INSERT TO doudi_owner WITH CHECK (true);

DROP POLICY IF EXISTS reader_writes ON doudi.unmasked_access;
CREATE POLICY reader_writes ON doudi.unmasked_access FOR INSERT TO doudi_scope_reader WITH CHECK (true);
