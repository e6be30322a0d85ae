-- Every household in the pairing program now (六位一体挂钩帮扶) that the
-- caller may see (the pairing tables' row-level security): the head's name,
-- the village, since when, how many of the six levels have a responsible
-- person and which are missing, the last visit, and when the next is due by
-- the joint_help parameter pairing_visit_months of the household's region
-- (counted from the enrolment when there was no visit yet); overdue once
-- that day has passed. The pairing section's list and `doudi-admin pairing
-- list|gaps`.
CREATE OR REPLACE VIEW doudi.pairing_overview WITH (security_invoker = true) AS
  SELECT ph.household_id, ph.region_code, g.name AS region_name, head.name AS head_name, ph.since,
         coalesce(a.filled, 0) AS levels_filled,
         ARRAY(SELECT l FROM unnest(ARRAY['county', 'township', 'village', 'department', 'enterprise',
                                          'social_worker']) AS l
               WHERE l <> ALL (coalesce(a.levels, '{}'))) AS missing_levels,
         v.last_visit_on, m.months AS visit_months,
         (coalesce(v.last_visit_on, ph.since) + make_interval(months => m.months))::date AS visit_due_on,
         coalesce((coalesce(v.last_visit_on, ph.since) + make_interval(months => m.months))::date
                  < doudi.clock_date(), false) AS overdue
  FROM doudi.pairing_household AS ph
  LEFT JOIN doudi.region AS g ON g.code = ph.region_code
  LEFT JOIN LATERAL (SELECT p.name FROM doudi.person AS p
                     WHERE p.household_id = ph.household_id AND p.relation = 'head' AND p.left_on IS NULL
                     ORDER BY p.position, p.id LIMIT 1) AS head ON true
  LEFT JOIN LATERAL (SELECT count(*)::integer AS filled, array_agg(x.level) AS levels
                     FROM doudi.pairing_assignment AS x
                     WHERE x.household_id = ph.household_id AND x.until IS NULL) AS a ON true
  LEFT JOIN LATERAL (SELECT max(x.visited_on) AS last_visit_on FROM doudi.pairing_visit AS x
                     WHERE x.household_id = ph.household_id) AS v ON true
  LEFT JOIN LATERAL (SELECT pv.value::integer AS months
                     FROM doudi.parameter_value('joint_help', ph.region_code, 'pairing_visit_months',
                                                doudi.clock_date()) AS pv
                     WHERE pv.unit = 'months' AND pv.value ~ '^[0-9]{1,3}$') AS m ON true
  WHERE ph.ended_on IS NULL;
REVOKE ALL ON doudi.pairing_overview FROM PUBLIC;
GRANT SELECT ON doudi.pairing_overview TO doudi_user;
