ALTER TABLE doudi.charity_fund ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.charity_fund FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS admins_add_in_scope ON doudi.charity_fund;
CREATE POLICY admins_add_in_scope ON doudi.charity_fund FOR INSERT TO doudi_center_admin
  WITH CHECK (rpad(region_prefix, 12, '0') BETWEEN doudi.scope_low() AND doudi.scope_high());

DROP POLICY IF EXISTS everyone_reads ON doudi.charity_fund;
CREATE POLICY everyone_reads ON doudi.charity_fund FOR SELECT USING (true);

DROP POLICY IF EXISTS owner_all ON doudi.charity_fund;
CREATE POLICY owner_all ON doudi.charity_fund TO doudi_owner USING (true) WITH CHECK (true);
