ALTER TABLE doudi.referral ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.referral FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_delete ON doudi.referral;
CREATE POLICY in_scope_delete ON doudi.referral FOR DELETE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_insert ON doudi.referral;
CREATE POLICY in_scope_insert ON doudi.referral FOR INSERT TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_read ON doudi.referral;
CREATE POLICY in_scope_read ON doudi.referral FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_update ON doudi.referral;
CREATE POLICY in_scope_update ON doudi.referral FOR UPDATE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())))
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS referred_read ON doudi.referral;
CREATE POLICY referred_read ON doudi.referral FOR SELECT TO doudi_department_liaison
  USING (department = doudi.session_department() AND region_code BETWEEN doudi.scope_low() AND doudi.scope_high());
