-- case_amount_exception: the in-scope rules every table of personal or case data shares (doudi.scope_policies).
CALL doudi.scope_policies('case_amount_exception', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
