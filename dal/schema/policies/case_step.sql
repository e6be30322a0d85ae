-- case_step: the in-scope rules every table of personal or case data shares (doudi.scope_policies).
CALL doudi.scope_policies('case_step', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
