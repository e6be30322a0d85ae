-- Every case in scope with its applicant, village, program, the person a
-- per-person case (特困) names and the nearer deadline's status.
CREATE OR REPLACE VIEW doudi.case_overview WITH (security_invoker = true) AS
  SELECT c.id, c.household_id, c.region_code, c.program, c.step_order, c.state, c.version,
         c.step_due, c.step_due_certain, c.overall_due, c.overall_due_certain, c.close_relative,
         c.next_review_on, c.opened_at,
         (SELECT p.name FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL
          ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1) AS applicant_name,
         r.name AS region_name, g.chinese AS program_name,
         least(c.step_due, c.overall_due) AS nearest_due,
         doudi.deadline_status(least(c.step_due, c.overall_due),
                               CASE WHEN c.step_due IS NOT NULL AND c.step_due <= coalesce(c.overall_due, c.step_due)
                                    THEN c.step_due_certain ELSE c.overall_due_certain END,
                               c.program, c.region_code) AS deadline_status,
         c.person_id
  FROM doudi.assistance_case AS c
  JOIN doudi.region AS r ON r.code = c.region_code
  JOIN doudi.program AS g ON g.code = c.program;
REVOKE ALL ON doudi.case_overview FROM PUBLIC;
GRANT SELECT ON doudi.case_overview TO doudi_user;
