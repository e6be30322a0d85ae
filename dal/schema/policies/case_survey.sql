ALTER TABLE doudi.case_survey ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.case_survey FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_read ON doudi.case_survey;
CREATE POLICY in_scope_read ON doudi.case_survey FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS owner_all ON doudi.case_survey;
CREATE POLICY owner_all ON doudi.case_survey TO doudi_owner
  USING (true)
  WITH CHECK (true);
