-- A household's essential spending over the 12 months up to p_today, for
-- the matching panel (docs/matching.md): its current members' medical
-- self-paid spending and school costs in the cross-check rows in force,
-- counted as the rule expense_hardship counts them. A definer, since desk
-- roles never read the full ID numbers the rows are matched by; it answers
-- only for a household the caller may see, and a kind only to the groups
-- whose alert rules read it (as the rows' own row-level security). NULL for
-- a kind with no such row: unknown, not zero.
CREATE OR REPLACE FUNCTION doudi.household_spending(p_household bigint, p_today date)
RETURNS TABLE (medical_self_paid_fen bigint, schooling_fen bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT (sum(r.self_paid_fen) FILTER (WHERE r.kind = 'medical'))::bigint,
         (sum(r.amount_fen) FILTER (WHERE r.kind = 'schooling'))::bigint
  FROM doudi.household AS h
  JOIN doudi.person AS p ON p.household_id = h.id AND p.left_on IS NULL
  JOIN doudi.crosscheck_current AS r ON r.id_number = p.id_number
  WHERE h.id = p_household AND doudi.caller_may_see(h.id, h.region_code)
    AND r.kind IN ('medical', 'schooling') AND doudi.handles_alerts(NULL, r.kind)
    AND r.event_date > (p_today - interval '12 months')::date AND r.event_date <= p_today
$$;
REVOKE ALL ON FUNCTION doudi.household_spending(bigint,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_spending(bigint,date) TO doudi_user;
