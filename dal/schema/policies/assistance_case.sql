-- assistance_case: the in-scope rules every table of personal or case data
-- shares (doudi.scope_policies), a liaison's reading of the cases of a
-- household referred to their department among them.
CALL doudi.scope_policies('assistance_case', p_writers => false, p_liaison_key => 'household_id', p_owner_all => true);

