-- referral: the in-scope rules every table of personal or case data shares (doudi.scope_policies), and its own below.
CALL doudi.scope_policies('referral', p_writers => true, p_liaison_key => NULL, p_owner_all => false);

DROP POLICY IF EXISTS referred_read ON doudi.referral;
CREATE POLICY referred_read ON doudi.referral FOR SELECT TO doudi_department_liaison
  USING (department = doudi.session_department() AND region_code BETWEEN doudi.scope_low() AND doudi.scope_high());
