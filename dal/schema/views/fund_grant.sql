-- What was granted from each charity fund, for the households the caller
-- sees: the one-off amount decided for a charity case (which its payment
-- line pays) and every help recorded as given by the fund, with whether it
-- is still in force (a corrected help record is not, and no longer counts
-- in doudi.charity_fund_left).
CREATE OR REPLACE VIEW doudi.fund_grant WITH (security_invoker = true) AS
  SELECT 'case'::text AS source, b.id, b.fund_code, c.household_id, c.region_code, b.decided_on AS granted_on,
         b.one_off_fen AS amount_fen, c.id AS case_id, NULL::bigint AS help_id, true AS in_force
  FROM doudi.case_benefit AS b
  JOIN doudi.assistance_case AS c ON c.id = b.case_id
  WHERE b.fund_code IS NOT NULL AND b.one_off_fen > 0
  UNION ALL
  SELECT 'help', r.id, r.fund_code, r.household_id, r.region_code, r.given_on, r.amount_fen, r.case_id, r.id,
         NOT EXISTS (SELECT FROM doudi.help_record AS x WHERE x.corrects_id = r.id)
  FROM doudi.help_record AS r
  WHERE r.giver_kind = 'fund';
REVOKE ALL ON doudi.fund_grant FROM PUBLIC;
GRANT SELECT ON doudi.fund_grant TO doudi_user;
