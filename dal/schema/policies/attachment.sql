-- attachment: a file's record, read within scope by the desk like what it
-- belongs to (doudi.scope_policies), written only by the attachment
-- functions as the owner. The records of an alert's files only by those who
-- may see the alert (its handlers); a department liaison reads the records
-- of the files of the referrals they may see (their department's, while
-- doudi.liaison_household_ids names the household), none of the household's
-- own. doudi.attachment_owner says the same for the bytes.
CALL doudi.scope_policies('attachment', p_writers => false, p_liaison_key => NULL, p_owner_all => true);

DROP POLICY IF EXISTS alert_files ON doudi.attachment;
CREATE POLICY alert_files ON doudi.attachment AS RESTRICTIVE FOR SELECT TO doudi_user
  USING (owner_kind <> 'alert' OR owner_id IN (SELECT a.id FROM doudi.alert AS a));

DROP POLICY IF EXISTS referral_files ON doudi.attachment;
CREATE POLICY referral_files ON doudi.attachment FOR SELECT TO doudi_department_liaison
  USING (owner_kind = 'referral' AND region_code BETWEEN (SELECT doudi.scope_low()) AND (SELECT doudi.scope_high())
         AND owner_id IN (SELECT r.id FROM doudi.referral AS r));
