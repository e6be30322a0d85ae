-- What moving into a state does to the case's dates: the state's own
-- deadline, the notice, the overall limit, the decision, reviews, the end.
CREATE OR REPLACE FUNCTION doudi.case_after_move(c doudi.assistance_case, p_action text) RETURNS doudi.assistance_case
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  today date := doudi.clock_date();
  d record;
BEGIN
  c.state_since := today;
  SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code,
    (SELECT r.deadline_key FROM doudi.case_state_rule AS r WHERE r.state = c.state), today);
  c.step_due := d.due;
  c.step_due_certain := d.certain;
  IF c.state = 'accepted' AND c.accepted_on IS NULL THEN
    c.accepted_on := today;
  END IF;
  IF c.state = 'in_public_notice' THEN
    c.notice_start := today;
    c.notice_end := d.due;
  END IF;
  IF c.state IN ('decided_approved', 'decided_refused') THEN
    c.decided_on := today;
  END IF;
  IF c.accepted_on IS NOT NULL AND c.decided_on IS NULL THEN
    SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code, doudi.case_overall_limit_key(c), c.accepted_on);
    c.overall_due := d.due;
    c.overall_due_certain := d.certain;
  ELSE
    c.overall_due := NULL;
    c.overall_due_certain := true;
  END IF;
  IF p_action IN ('start_payment', 'maintain') THEN
    SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code, doudi.case_review_key(c), today);
    c.next_review_on := d.due;
  END IF;
  IF c.state = 'terminated' THEN
    c.benefit_end_month := date_trunc('month', today)::date;
    c.next_review_on := NULL;
  END IF;
  RETURN c;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_after_move(doudi.assistance_case,text) FROM PUBLIC;
