-- household: the in-scope rules every table of personal or case data shares (doudi.scope_policies), and its own below.
CALL doudi.scope_policies('household', p_writers => true, p_liaison_key => 'id', p_owner_all => false);

DROP POLICY IF EXISTS owner_reads ON doudi.household;
-- The case functions run as the owner and apply the caller's scope
-- themselves (doudi.caller_may_see); they read the household's region.
CREATE POLICY owner_reads ON doudi.household FOR SELECT TO doudi_owner USING (true);

DROP POLICY IF EXISTS owner_writes ON doudi.household;
CREATE POLICY owner_writes ON doudi.household TO doudi_owner
  USING (true)
  WITH CHECK (true);
