-- help_record: read within scope by the desk; a liaison reads the help
-- their own department recorded, for households they may still see.
-- Written only by the functions that record help, as the owner.
CALL doudi.scope_policies('help_record', p_writers => false, p_liaison_key => NULL, p_owner_all => true);

DROP POLICY IF EXISTS department_read ON doudi.help_record;
CREATE POLICY department_read ON doudi.help_record FOR SELECT TO doudi_department_liaison
  USING (department = (SELECT doudi.session_department()) AND region_code BETWEEN (SELECT doudi.scope_low()) AND (SELECT doudi.scope_high())
         AND (SELECT doudi.liaison_household_ids()) @> ARRAY[household_id]);
