-- Every case in scope with its applicant, village, program, the person a
-- per-person case (特困) names and the nearer deadline's status. The
-- applicant is the household's head, or for a per-person case its person
-- (特困 is one person's: two members' cases are told apart everywhere the
-- applicant is shown, the public notice and the payment roster included).
-- per_person says which: a household case may name a person too (the
-- member it was opened for) and is still the household's.
DROP VIEW IF EXISTS doudi.case_overview CASCADE;
CREATE VIEW doudi.case_overview WITH (security_invoker = true) AS
  SELECT c.id, c.household_id, c.region_code, c.program, c.step_order, c.state, c.version,
         c.step_due, c.step_due_certain, c.overall_due, c.overall_due_certain, c.close_relative,
         c.next_review_on, c.opened_at,
         CASE WHEN c.per_person THEN (SELECT p.name FROM doudi.person AS p WHERE p.id = c.person_id)
              ELSE (SELECT p.name FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL
                    ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1) END AS applicant_name,
         r.name AS region_name, g.chinese AS program_name,
         least(c.step_due, c.overall_due) AS nearest_due,
         doudi.deadline_status(least(c.step_due, c.overall_due),
                               CASE WHEN c.step_due IS NOT NULL AND c.step_due <= coalesce(c.overall_due, c.step_due)
                                    THEN c.step_due_certain ELSE c.overall_due_certain END,
                               c.program, c.region_code) AS deadline_status,
         c.person_id, c.per_person
  FROM doudi.assistance_case AS c
  JOIN doudi.region AS r ON r.code = c.region_code
  JOIN doudi.program AS g ON g.code = c.program;
REVOKE ALL ON doudi.case_overview FROM PUBLIC;
GRANT SELECT ON doudi.case_overview TO doudi_user;
