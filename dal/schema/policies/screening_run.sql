-- screening_run: the log of screenings, read by those who may run them;
-- written only by the screening, as the owner.
ALTER TABLE doudi.screening_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.screening_run FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS screeners_read ON doudi.screening_run;
CREATE POLICY screeners_read ON doudi.screening_run FOR SELECT TO doudi_user
  USING (doudi.staff_may('run_screening'));
DROP POLICY IF EXISTS owner_all ON doudi.screening_run;
CREATE POLICY owner_all ON doudi.screening_run TO doudi_owner USING (true) WITH CHECK (true);
