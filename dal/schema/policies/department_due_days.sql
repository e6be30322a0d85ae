-- department_due_days: the catalog every desk reads (no personal data); written by its
-- functions as the owner, which check the administrator's scope.
ALTER TABLE doudi.department_due_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.department_due_days FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS everyone_reads ON doudi.department_due_days;
CREATE POLICY everyone_reads ON doudi.department_due_days FOR SELECT TO doudi_user USING (true);

DROP POLICY IF EXISTS owner_all ON doudi.department_due_days;
CREATE POLICY owner_all ON doudi.department_due_days TO doudi_owner USING (true) WITH CHECK (true);
