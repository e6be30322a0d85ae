-- assistance_case: the in-scope rules every table of personal or case data shares (doudi.scope_policies), and its own below.
CALL doudi.scope_policies('assistance_case', p_writers => false, p_liaison_key => NULL, p_owner_all => true);

DROP POLICY IF EXISTS referred_read ON doudi.assistance_case;
CREATE POLICY referred_read ON doudi.assistance_case FOR SELECT TO doudi_department_liaison
  USING (doudi.caller_may_see(household_id, region_code));
