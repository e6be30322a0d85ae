ALTER TABLE doudi.household ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.household FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_delete ON doudi.household;
CREATE POLICY in_scope_delete ON doudi.household FOR DELETE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_insert ON doudi.household;
CREATE POLICY in_scope_insert ON doudi.household FOR INSERT TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_read ON doudi.household;
CREATE POLICY in_scope_read ON doudi.household FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_update ON doudi.household;
CREATE POLICY in_scope_update ON doudi.household FOR UPDATE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())))
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS owner_reads ON doudi.household;
-- The case functions run as the owner and apply the caller's scope
-- themselves (doudi.caller_may_see); they read the household's region.
CREATE POLICY owner_reads ON doudi.household FOR SELECT TO doudi_owner USING (true);

DROP POLICY IF EXISTS owner_writes ON doudi.household;
CREATE POLICY owner_writes ON doudi.household TO doudi_owner
  USING (true)
  WITH CHECK (true);

DROP POLICY IF EXISTS referred_read ON doudi.household;
CREATE POLICY referred_read ON doudi.household FOR SELECT TO doudi_department_liaison
  USING ((((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())) AND (EXISTS ( SELECT 1
   FROM doudi.referral r
  WHERE ((r.household_id = household.id) AND (r.department = doudi.session_department()))))));
