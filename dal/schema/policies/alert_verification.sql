-- alert_verification: read with its alert (the caller's scope, a group that
-- handles alerts); written only by doudi.alert_verify, as the owner.
ALTER TABLE doudi.alert_verification ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.alert_verification FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS handlers_read ON doudi.alert_verification;
CREATE POLICY handlers_read ON doudi.alert_verification FOR SELECT TO doudi_user
  USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high() AND doudi.handles_alerts(NULL, NULL));
DROP POLICY IF EXISTS owner_all ON doudi.alert_verification;
CREATE POLICY owner_all ON doudi.alert_verification TO doudi_owner USING (true) WITH CHECK (true);
