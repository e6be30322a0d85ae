-- registry_status_change: the in-scope rules every table of personal or case data shares (doudi.scope_policies), and its own below.
CALL doudi.scope_policies('registry_status_change', p_writers => true, p_liaison_key => 'household_id', p_owner_all => false);

DROP POLICY IF EXISTS owner_reads ON doudi.registry_status_change;
CREATE POLICY owner_reads ON doudi.registry_status_change FOR SELECT TO doudi_owner USING (true);

DROP POLICY IF EXISTS owner_writes ON doudi.registry_status_change;
CREATE POLICY owner_writes ON doudi.registry_status_change FOR INSERT TO doudi_owner WITH CHECK (true);
