ALTER TABLE doudi.app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.app_user FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS admins_read ON doudi.app_user;
CREATE POLICY admins_read ON doudi.app_user FOR SELECT TO doudi_center_admin, doudi_auditor
  USING (region_scope LIKE doudi.session_scope() || '%');

DROP POLICY IF EXISTS manager_all ON doudi.app_user;
CREATE POLICY manager_all ON doudi.app_user TO doudi_user_manager USING (true) WITH CHECK (true);

DROP POLICY IF EXISTS own_row ON doudi.app_user;
CREATE POLICY own_row ON doudi.app_user FOR SELECT USING (role_name = session_user);

DROP POLICY IF EXISTS owner_reads ON doudi.app_user;
-- A colleague's display name for a case's timeline (app_user shows each
-- user only their own row; a name is all this tells). It runs as the owner,
-- which app_user's forced row-level security lets read names only.
CREATE POLICY owner_reads ON doudi.app_user FOR SELECT TO doudi_owner USING (true);
