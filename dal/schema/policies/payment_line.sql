ALTER TABLE doudi.payment_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.payment_line FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_read ON doudi.payment_line;
CREATE POLICY in_scope_read ON doudi.payment_line FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS owner_all ON doudi.payment_line;
CREATE POLICY owner_all ON doudi.payment_line TO doudi_owner
  USING (true)
  WITH CHECK (true);
