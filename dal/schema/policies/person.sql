-- person: the in-scope rules every table of personal or case data shares (doudi.scope_policies), and its own below.
CALL doudi.scope_policies('person', p_writers => true, p_liaison_key => 'household_id', p_owner_all => false);

DROP POLICY IF EXISTS owner_reads ON doudi.person;
-- The case functions run as the owner and read the members (household size,
-- who can work).
CREATE POLICY owner_reads ON doudi.person FOR SELECT TO doudi_owner USING (true);

DROP POLICY IF EXISTS owner_writes ON doudi.person;
CREATE POLICY owner_writes ON doudi.person TO doudi_owner
  USING (true)
  WITH CHECK (true);
