CREATE OR REPLACE VIEW doudi.my_case_tasks WITH (security_invoker = true) AS
  SELECT c.id, least(c.step_due, c.overall_due) AS nearest_due
  FROM doudi.assistance_case AS c
  JOIN doudi.case_transition_rule AS r
    ON r.step_order = c.step_order AND r.from_state = c.state
   AND r.staff_group = (SELECT doudi.session_group())
   AND (r.programs = 'all' OR c.program = ANY (string_to_array(r.programs, '+')))
  WHERE (c.state <> 'in_payment' OR c.review_task_from <= (SELECT doudi.clock_date()))
    AND NOT EXISTS (SELECT 1 FROM doudi.case_step AS s
                    WHERE s.actor = session_user AND s.case_id = c.id AND s.level <> r.level AND s.action <> 'apply')
  GROUP BY c.id;
REVOKE ALL ON doudi.my_case_tasks FROM PUBLIC;
GRANT SELECT ON doudi.my_case_tasks TO doudi_user;
