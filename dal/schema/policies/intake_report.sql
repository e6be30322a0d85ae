-- intake_report: read within scope by the desk (the 上报 inbox), written by
-- the intake functions (doudi.intake_submit for doudi-intake, the triage
-- functions for the desk) as the owner.
CALL doudi.scope_policies('intake_report', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
