-- Every alert the caller may handle (doudi.alert's row-level security) with
-- its rule's name, the village's name, the masked ID number and the latest
-- verification: the 预警 section's list and `doudi-admin alerts list`.
CREATE OR REPLACE VIEW doudi.alert_overview WITH (security_invoker = true) AS
  SELECT a.id, a.rule, r.chinese AS rule_name, r.position AS rule_position, a.period,
         a.id_number_masked, a.household_id, a.case_id, a.name, a.region_code, g.name AS region_name,
         a.figure_fen, a.figures, a.sources, a.state, a.outcome, a.outcome_reason, a.outcome_case_id,
         a.raised_at, a.raised_count, a.updated_at, a.closed_at, a.closed_by, a.version,
         v.method AS last_check_method, v.verified_at AS last_check_at, v.verified_by AS last_check_by,
         (a.household_id IS NULL AND a.id_number_masked IS NOT NULL) AS unregistered
  FROM doudi.alert AS a
  JOIN doudi.alert_rule AS r ON r.code = a.rule
  LEFT JOIN doudi.region AS g ON g.code = a.region_code
  LEFT JOIN LATERAL (SELECT x.method, x.verified_at, x.verified_by FROM doudi.alert_verification AS x
                     WHERE x.alert_id = a.id ORDER BY x.id DESC LIMIT 1) AS v ON true;
REVOKE ALL ON doudi.alert_overview FROM PUBLIC;
GRANT SELECT ON doudi.alert_overview TO doudi_user;
