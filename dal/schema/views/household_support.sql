-- A household's help in 四帮四扶 terms, one row per term for every
-- household the caller sees (row-level security of the tables read): the
-- help records in force (not corrected) counted under their own terms, or
-- their kind's when they name none, and the household's cases whose program
-- counts under the term and that had an amount decided or paid
-- (doudi.support_term_source holds both mappings). last_on: the latest
-- help's date or decision.
CREATE OR REPLACE VIEW doudi.household_support WITH (security_invoker = true) AS
  SELECT h.id AS household_id, t.code AS term, t.chinese, t.position,
         coalesce(helps.n, 0) AS help_count, coalesce(programs.n, 0) AS program_count,
         greatest(helps.last_on, programs.last_on) AS last_on
  FROM doudi.household AS h
  CROSS JOIN doudi.support_term AS t
  LEFT JOIN LATERAL (
    SELECT count(*)::integer AS n, max(r.given_on) AS last_on
    FROM doudi.help_record AS r
    WHERE r.household_id = h.id
      AND NOT EXISTS (SELECT FROM doudi.help_record AS c WHERE c.corrects_id = r.id)
      AND (t.code = ANY (r.terms)
           OR (r.terms = '{}' AND EXISTS (SELECT FROM doudi.support_term_source AS s
                                          WHERE s.source = 'help_kind' AND s.code = r.kind AND s.term = t.code)))
  ) AS helps ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::integer AS n, max(paid.last_on) AS last_on
    FROM doudi.assistance_case AS c
    JOIN doudi.support_term_source AS s ON s.source = 'program' AND s.code = c.program AND s.term = t.code
    CROSS JOIN LATERAL (SELECT greatest((SELECT max(b.decided_on) FROM doudi.case_benefit AS b WHERE b.case_id = c.id),
                                        (SELECT max(l.month) FROM doudi.payment_line AS l WHERE l.case_id = c.id))
                          AS last_on) AS paid
    WHERE c.household_id = h.id AND paid.last_on IS NOT NULL
  ) AS programs ON true;
REVOKE ALL ON doudi.household_support FROM PUBLIC;
GRANT SELECT ON doudi.household_support TO doudi_user;
