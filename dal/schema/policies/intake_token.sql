-- intake_token: the desk reads the tokens whose region overlaps its scope
-- (inside it, or around it: a village clerk sees the name of the township's
-- grid worker who reported); written by the token functions as the owner.
ALTER TABLE doudi.intake_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.intake_token FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope_read ON doudi.intake_token;
CREATE POLICY in_scope_read ON doudi.intake_token FOR SELECT TO doudi_user
  USING (rpad(region_code, 12, '0') <= (SELECT doudi.scope_high()) AND rpad(region_code, 12, '9') >= (SELECT doudi.scope_low()));
DROP POLICY IF EXISTS owner_all ON doudi.intake_token;
CREATE POLICY owner_all ON doudi.intake_token TO doudi_owner USING (true) WITH CHECK (true);
