-- The cross-check rows in force: of a batch not withdrawn, and not replaced
-- by a later row (same kind, department and key) of a batch not withdrawn.
-- Read by the owner's screening functions; desk roles read
-- doudi.crosscheck_row under its row-level security instead.
CREATE OR REPLACE VIEW doudi.crosscheck_current AS
  SELECT r.*
  FROM doudi.crosscheck_row AS r
  WHERE NOT EXISTS (SELECT 1 FROM doudi.crosscheck_batch AS b WHERE b.id = r.batch_id AND b.withdrawn_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM doudi.crosscheck_replaced AS x
                    JOIN doudi.crosscheck_row AS n ON n.id = x.by_row_id
                    JOIN doudi.crosscheck_batch AS nb ON nb.id = n.batch_id
                    WHERE x.row_id = r.id AND nb.withdrawn_at IS NULL);
REVOKE ALL ON doudi.crosscheck_current FROM PUBLIC;
