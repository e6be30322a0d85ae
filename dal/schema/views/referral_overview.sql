-- Every referral the caller may see (doudi.referral's row-level security:
-- the desk in its scope, a liaison their department's while
-- doudi.liaison_may_see) with the department's name, the household's least
-- data a department needs (the head's name and masked ID, the village,
-- address and phone: the household's own policies decide, so a liaison
-- past liaison_access_days sees none of it), the case or alert it answers,
-- the feedback (what was given, the latest help record answering it, and
-- the 四帮四扶 terms it counts under), whether the help of the case or alert
-- it answers is closed (帮扶办结: a reader who may not see that case or
-- alert reads false),
-- and the clock: overdue_days counts working days past the due date while
-- the referral is open, escalated says it is overdue by more than the
-- joint_help parameter referral_escalation_days and reaches the center's
-- administrator. The liaison's inbox, the case view and
-- `doudi-admin referral list` read it.
CREATE OR REPLACE VIEW doudi.referral_overview WITH (security_invoker = true) AS
  SELECT r.id, r.send_id, r.household_id, r.region_code, g.name AS village_name, head.name AS head_name,
         head.id_number_masked AS head_id_masked, h.address, h.phone,
         r.case_id, c.program AS case_program, c.state AS case_state, r.alert_id,
         r.department, d.name AS department_name, r.kind, r.request, r.documents, r.due_days, r.due_on, r.state,
         r.referred_at, r.referred_by, r.accepted_at, r.accepted_by, r.closed_at, r.closed_by, r.closed_on_behalf,
         r.decline_reason, r.duplicate_of, f.kind AS feedback_kind, f.amount_fen AS feedback_amount_fen,
         f.description AS feedback_description, f.given_on AS feedback_given_on, f.given_by AS feedback_given_by,
         clock.overdue_days,
         clock.overdue_days > 0 AND r.escalate_on IS NOT NULL
           AND doudi.working_days_between(r.escalate_on, clock.today) > 0 AS escalated,
         r.version, f.terms AS feedback_terms,
         coalesce(c.help_closed_at, al.help_closed_at) IS NOT NULL AS help_closed
  FROM doudi.referral AS r
  JOIN doudi.department AS d ON d.county_code = r.county_code AND d.code = r.department
  CROSS JOIN (SELECT (SELECT doudi.clock_date()) AS today) AS now_date
  CROSS JOIN LATERAL (SELECT now_date.today,
                             CASE WHEN r.state IN ('sent', 'accepted') AND now_date.today > r.due_on
                                  THEN doudi.working_days_between(r.due_on, now_date.today) ELSE 0 END
                               AS overdue_days) AS clock
  LEFT JOIN doudi.household AS h ON h.id = r.household_id
  LEFT JOIN LATERAL (SELECT p.name, p.id_number_masked FROM doudi.person AS p
                     WHERE p.household_id = h.id AND p.left_on IS NULL
                     ORDER BY p.relation <> 'head', p.position LIMIT 1) AS head ON true
  LEFT JOIN doudi.region AS g ON g.code = r.region_code
  LEFT JOIN doudi.assistance_case AS c ON c.id = r.case_id
  LEFT JOIN doudi.alert AS al ON al.id = r.alert_id
  LEFT JOIN LATERAL (SELECT x.kind, x.amount_fen, x.description, x.given_on, x.given_by, x.terms
                     FROM doudi.help_record AS x
                     WHERE x.referral_id = r.id ORDER BY x.id DESC LIMIT 1) AS f ON true;
REVOKE ALL ON doudi.referral_overview FROM PUBLIC;
GRANT SELECT ON doudi.referral_overview TO doudi_user;
