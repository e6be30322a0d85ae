-- May the caller handle the alerts of rule p_rule, or (p_rule NULL) read the
-- cross-check data of kind p_kind (a rule that reads it is theirs), or
-- (both NULL) handle any alert at all? From assets/rules/alert_rules.csv
-- (doudi.alert_rule.handled_by); the row-level security of the discovery
-- tables asks it, together with the caller's region scope.
CREATE OR REPLACE FUNCTION doudi.handles_alerts(p_rule text, p_kind text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT doudi.session_is_superuser()
      OR EXISTS (SELECT 1 FROM doudi.alert_rule AS r
                 WHERE r.handled_by @> ARRAY[doudi.session_group()]
                   AND (p_rule IS NULL OR r.code = p_rule)
                   AND (p_kind IS NULL OR r.reads @> ARRAY[p_kind]))
$$;
REVOKE ALL ON FUNCTION doudi.handles_alerts(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.handles_alerts(text,text) TO doudi_user;
