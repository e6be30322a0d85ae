-- department: the catalog every desk reads (no personal data); written by its
-- functions as the owner, which check the administrator's scope.
ALTER TABLE doudi.department ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.department FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS everyone_reads ON doudi.department;
CREATE POLICY everyone_reads ON doudi.department FOR SELECT TO doudi_user USING (true);

DROP POLICY IF EXISTS owner_all ON doudi.department;
CREATE POLICY owner_all ON doudi.department TO doudi_owner USING (true) WITH CHECK (true);
