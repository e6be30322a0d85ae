-- intake_photo: a report's photos, read within scope like the report.
CALL doudi.scope_policies('intake_photo', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
