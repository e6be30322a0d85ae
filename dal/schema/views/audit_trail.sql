-- Runs as its owner (reads the whole trail), shows the caller's scope only.
CREATE OR REPLACE VIEW doudi.audit_trail WITH (security_barrier = true) AS
  SELECT r.id, r.at, r.actor, r.table_name, r.operation, r.row_key, r.household_id, r.region_code,
         doudi.audit_mask(r.old_row) AS old_row, doudi.audit_mask(r.new_row) AS new_row,
         EXISTS (SELECT 1 FROM doudi.audit_seal AS s WHERE s.txid = r.txid) AS sealed
  FROM doudi.audit_row AS r
  WHERE doudi.session_is_superuser() OR r.region_code BETWEEN doudi.scope_low() AND doudi.scope_high();
REVOKE ALL ON doudi.audit_trail FROM PUBLIC;
GRANT SELECT ON doudi.audit_trail TO doudi_auditor;
GRANT SELECT ON doudi.audit_trail TO doudi_center_admin;
