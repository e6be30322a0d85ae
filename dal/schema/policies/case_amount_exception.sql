ALTER TABLE doudi.case_amount_exception ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.case_amount_exception FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_read ON doudi.case_amount_exception;
CREATE POLICY in_scope_read ON doudi.case_amount_exception FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS owner_all ON doudi.case_amount_exception;
CREATE POLICY owner_all ON doudi.case_amount_exception TO doudi_owner
  USING (true)
  WITH CHECK (true);
