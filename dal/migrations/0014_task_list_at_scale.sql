-- 0014: the task list at county scale. Measured on 40,000 cases (13,000 in
-- a county decider's scope), the list of migration 11 took 2.5 s: it
-- computed every case's deadline status, applicant and review window before
-- keeping the first 200. Now the choice of cases reads columns only (the
-- review window is stored when the review date is set, the cases a user
-- acted on at another level come from an index), and the costly columns
-- are computed for the cases shown.

ALTER TABLE doudi.assistance_case ADD COLUMN review_task_from date;

-- The day a paid case joins the reviewer's list: its review date less the
-- review_task_lead_days parameter (30 days when a place has none).
CREATE FUNCTION doudi.case_stamp_review_task() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.review_task_from := NEW.next_review_on
    - coalesce((SELECT v.value::integer FROM doudi.case_parameter(NEW.program, NEW.region_code,
                                                                  'review_task_lead_days') AS v), 30);
  RETURN NEW;
END
$$;
CREATE TRIGGER stamp_review_task BEFORE INSERT OR UPDATE OF next_review_on ON doudi.assistance_case
  FOR EACH ROW EXECUTE FUNCTION doudi.case_stamp_review_task();
UPDATE doudi.assistance_case SET next_review_on = next_review_on WHERE next_review_on IS NOT NULL;

CREATE INDEX case_step_actor_idx ON doudi.case_step (actor, case_id);
CREATE INDEX assistance_case_nearest_due_idx ON doudi.assistance_case ((least(step_due, overall_due)), id);

-- The cases waiting for the caller, cheapest columns only: an action of the
-- caller's group is possible in the case's state (for its program), the
-- caller has not acted at another level of the case, and a paid case only
-- from its review window on. Callers sort by nearest_due and take the first
-- rows, then read what they show from doudi.case_overview.
DROP VIEW doudi.my_case_tasks;
CREATE VIEW doudi.my_case_tasks WITH (security_invoker = true) AS
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
GRANT SELECT ON doudi.my_case_tasks TO doudi_user;
