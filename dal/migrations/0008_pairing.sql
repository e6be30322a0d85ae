-- Six-party pairing (六位一体挂钩帮扶, docs/joint-loop-pairing.md): its
-- functions (dal/schema/functions/pairing_*.sql), the view
-- doudi.pairing_overview and the refusal codes doudi:pairing.* are new with
-- this version; the tables came with 0007. Nothing to move.
SELECT 1;
