ALTER TABLE doudi.program_parameter ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.program_parameter FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS admins_add_in_scope ON doudi.program_parameter;
CREATE POLICY admins_add_in_scope ON doudi.program_parameter FOR INSERT TO doudi_center_admin
  WITH CHECK (rpad(region_prefix, 12, '0') BETWEEN doudi.scope_low() AND doudi.scope_high()
              AND length(region_prefix) >= length(doudi.session_scope()));

DROP POLICY IF EXISTS everyone_reads ON doudi.program_parameter;
CREATE POLICY everyone_reads ON doudi.program_parameter FOR SELECT USING (true);
