ALTER TABLE doudi.assistance_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.assistance_case FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_read ON doudi.assistance_case;
CREATE POLICY in_scope_read ON doudi.assistance_case FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS owner_all ON doudi.assistance_case;
CREATE POLICY owner_all ON doudi.assistance_case TO doudi_owner
  USING (true)
  WITH CHECK (true);

DROP POLICY IF EXISTS referred_read ON doudi.assistance_case;
CREATE POLICY referred_read ON doudi.assistance_case FOR SELECT TO doudi_department_liaison
  USING (doudi.caller_may_see(household_id, region_code));
