ALTER TABLE doudi.person ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.person FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS in_scope_delete ON doudi.person;
CREATE POLICY in_scope_delete ON doudi.person FOR DELETE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_insert ON doudi.person;
CREATE POLICY in_scope_insert ON doudi.person FOR INSERT TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_read ON doudi.person;
CREATE POLICY in_scope_read ON doudi.person FOR SELECT TO doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_finance_officer, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS in_scope_update ON doudi.person;
CREATE POLICY in_scope_update ON doudi.person FOR UPDATE TO doudi_center_admin, doudi_city_decider, doudi_township_reviewer, doudi_village_clerk
  USING (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())))
  WITH CHECK (((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())));

DROP POLICY IF EXISTS owner_reads ON doudi.person;
-- The case functions run as the owner and read the members (household size,
-- who can work).
CREATE POLICY owner_reads ON doudi.person FOR SELECT TO doudi_owner USING (true);

DROP POLICY IF EXISTS owner_writes ON doudi.person;
CREATE POLICY owner_writes ON doudi.person TO doudi_owner
  USING (true)
  WITH CHECK (true);

DROP POLICY IF EXISTS referred_read ON doudi.person;
CREATE POLICY referred_read ON doudi.person FOR SELECT TO doudi_department_liaison
  USING ((((region_code >= doudi.scope_low()) AND (region_code <= doudi.scope_high())) AND (EXISTS ( SELECT 1
   FROM doudi.referral r
  WHERE ((r.household_id = person.household_id) AND (r.department = doudi.session_department()))))));
