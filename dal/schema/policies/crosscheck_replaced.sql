-- crosscheck_replaced: which row replaced which; only the owner's functions
-- read and write it.
ALTER TABLE doudi.crosscheck_replaced ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.crosscheck_replaced FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS owner_all ON doudi.crosscheck_replaced;
CREATE POLICY owner_all ON doudi.crosscheck_replaced TO doudi_owner USING (true) WITH CHECK (true);
