-- asset: the in-scope rules every table of personal or case data shares (doudi.scope_policies), and its own below.
CALL doudi.scope_policies('asset', p_writers => true, p_liaison_key => NULL, p_owner_all => false);

DROP POLICY IF EXISTS owner_writes ON doudi.asset;
CREATE POLICY owner_writes ON doudi.asset TO doudi_owner
  USING (true)
  WITH CHECK (true);
