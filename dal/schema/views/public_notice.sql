-- The public-notice list: what the village posts (name, household size,
-- amount), nothing else. A per-person case (特困) posts its person, one
-- person supported.
CREATE OR REPLACE VIEW doudi.public_notice AS
  SELECT o.id AS case_id, o.version, o.region_code, o.region_name, o.applicant_name, o.program, o.program_name,
         o.state, c.notice_start, c.notice_end,
         CASE WHEN c.per_person THEN 1
              ELSE (SELECT count(*) FROM doudi.person AS p
                    WHERE p.household_id = c.household_id AND p.left_on IS NULL)::integer END AS household_size,
         coalesce(a.monthly_fen, 0) AS monthly_fen, coalesce(a.one_off_fen, 0) AS one_off_fen,
         (SELECT count(*) FROM doudi.case_step AS s WHERE s.case_id = c.id AND s.action = 'object')::integer
           AS objections
  FROM doudi.case_overview AS o
  JOIN doudi.assistance_case AS c ON c.id = o.id
  LEFT JOIN LATERAL (SELECT x.monthly_fen, x.one_off_fen FROM doudi.case_amount_proposal AS x
                     WHERE x.case_id = c.id ORDER BY x.id DESC LIMIT 1) AS a ON true
  WHERE c.notice_start IS NOT NULL;
ALTER VIEW doudi.public_notice SET (security_invoker = true);
REVOKE ALL ON doudi.public_notice FROM PUBLIC;
GRANT SELECT ON doudi.public_notice TO doudi_user;
