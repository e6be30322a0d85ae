-- referral: the in-scope rules every table of personal or case data shares
-- (doudi.scope_policies); written only by the referral functions, as the
-- owner. A liaison reads the referrals to their own department in their
-- county, within their scope, and a closed one only for the joint_help
-- parameter liaison_access_days (doudi.liaison_household_ids counts the
-- days; asked once per statement, like the department).
CALL doudi.scope_policies('referral', p_writers => false, p_liaison_key => NULL, p_owner_all => true);

DROP POLICY IF EXISTS referred_read ON doudi.referral;
CREATE POLICY referred_read ON doudi.referral FOR SELECT TO doudi_department_liaison
  USING (department = (SELECT doudi.session_department()) AND region_code BETWEEN (SELECT doudi.scope_low()) AND (SELECT doudi.scope_high())
         AND (SELECT doudi.liaison_household_ids()) @> ARRAY[household_id]);
