ALTER TABLE doudi.audit_row ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.audit_row FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS owner_all ON doudi.audit_row;
CREATE POLICY owner_all ON doudi.audit_row TO doudi_owner USING (true) WITH CHECK (true);
