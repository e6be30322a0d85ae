-- A month's payment roster: masked ID of the household head (of the person,
-- for a per-person case: 特困) and masked account, whatever the caller's role.
CREATE OR REPLACE VIEW doudi.payment_roster WITH (security_invoker = true) AS
  SELECT l.case_id, l.month, l.kind, l.amount_fen, l.region_code, l.program, g.chinese AS program_name,
         v.name AS village_name, t.name AS township_name, t.code AS township_code,
         hp.name AS applicant_name, hp.id_number_masked, h.bank_account_masked,
         CASE WHEN c.per_person THEN 1
              ELSE (SELECT count(*) FROM doudi.person AS p
                    WHERE p.household_id = l.household_id AND p.left_on IS NULL)::integer END AS household_size
  FROM doudi.payment_line AS l
  JOIN doudi.program AS g ON g.code = l.program
  JOIN doudi.region AS v ON v.code = l.region_code
  LEFT JOIN doudi.region AS t ON t.code = rpad(left(l.region_code, 9), 12, '0')
  JOIN doudi.household AS h ON h.id = l.household_id
  JOIN doudi.assistance_case AS c ON c.id = l.case_id
  -- the payee: the household's head, or a per-person case's (特困) person
  LEFT JOIN LATERAL (SELECT p.name, p.id_number_masked FROM doudi.person AS p
                     WHERE c.per_person AND p.id = c.person_id
                     UNION ALL
                     (SELECT p.name, p.id_number_masked FROM doudi.person AS p
                      WHERE NOT c.per_person AND p.household_id = l.household_id AND p.left_on IS NULL
                      ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1)) AS hp ON true;
REVOKE ALL ON doudi.payment_roster FROM PUBLIC;
GRANT SELECT ON doudi.payment_roster TO doudi_user;
