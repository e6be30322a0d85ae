-- alert: read within the caller's scope by the groups that handle its rule
-- (assets/rules/alert_rules.csv); written only by the screening,
-- alert_verify() and alert_close(), as the owner.
ALTER TABLE doudi.alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.alert FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS handlers_read ON doudi.alert;
CREATE POLICY handlers_read ON doudi.alert FOR SELECT TO doudi_user
  USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high() AND doudi.handles_alerts(rule, NULL));
DROP POLICY IF EXISTS owner_all ON doudi.alert;
CREATE POLICY owner_all ON doudi.alert TO doudi_owner USING (true) WITH CHECK (true);
