-- crosscheck_batch: the batches a caller who may import cross-check data
-- imported, or whose rows all lie in the caller's scope; written only by
-- doudi.crosscheck_import_apply and doudi.crosscheck_withdraw, as the owner.
ALTER TABLE doudi.crosscheck_batch ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.crosscheck_batch FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS importers_read ON doudi.crosscheck_batch;
CREATE POLICY importers_read ON doudi.crosscheck_batch FOR SELECT TO doudi_user
  USING (doudi.staff_may('import_crosscheck')
         AND (imported_by = session_user
              OR (region_low >= doudi.scope_low() AND region_high <= doudi.scope_high())));
DROP POLICY IF EXISTS owner_all ON doudi.crosscheck_batch;
CREATE POLICY owner_all ON doudi.crosscheck_batch TO doudi_owner USING (true) WITH CHECK (true);
