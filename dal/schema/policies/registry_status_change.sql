ALTER TABLE doudi.registry_status_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.registry_status_change FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_delete ON doudi.registry_status_change;
CREATE POLICY in_scope_delete ON doudi.registry_status_change FOR DELETE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_insert ON doudi.registry_status_change;
CREATE POLICY in_scope_insert ON doudi.registry_status_change FOR INSERT TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_read ON doudi.registry_status_change;
CREATE POLICY in_scope_read ON doudi.registry_status_change FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_update ON doudi.registry_status_change;
CREATE POLICY in_scope_update ON doudi.registry_status_change FOR UPDATE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())))
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS owner_reads ON doudi.registry_status_change;
CREATE POLICY owner_reads ON doudi.registry_status_change FOR SELECT TO doudi_owner USING (true);

DROP POLICY IF EXISTS owner_writes ON doudi.registry_status_change;
CREATE POLICY owner_writes ON doudi.registry_status_change FOR INSERT TO doudi_owner WITH CHECK (true);

DROP POLICY IF EXISTS referred_read ON doudi.registry_status_change;
CREATE POLICY referred_read ON doudi.registry_status_change FOR SELECT TO doudi_department_liaison
  USING ((((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())) AND (EXISTS ( SELECT 1
   FROM doudi.referral r
  WHERE ((r.household_id = registry_status_change.household_id) AND (r.department = doudi.session_department()))))));
