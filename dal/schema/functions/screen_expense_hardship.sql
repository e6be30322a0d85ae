-- Rule expense_hardship (docs/screening.md, 刚性支出困难, DOMAIN.md): a
-- household in the registry not on 低保, 特困 or 低保边缘, whose per-capita
-- yearly income (its income items' monthly amounts × 12 ÷ current members)
-- is below temporary.disposable_income_per_capita, and whose essential
-- spending in the 12 months up to the screening date — medical self-paid
-- (after insurance) and schooling costs of its current members — is MORE
-- THAN temporary.essential_expense_share percent of its yearly income.
CREATE OR REPLACE FUNCTION doudi.screen_expense_hardship(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH named AS (
    SELECT DISTINCT m.household_id FROM (SELECT DISTINCT unnest(p_ids) AS id_number) AS i
    JOIN doudi.person AS m ON m.id_number = i.id_number AND m.left_on IS NULL),
  member_row AS (
    SELECT p.household_id, p.region_code, r.id, r.kind, r.event_date, r.amount_fen, r.self_paid_fen
    FROM doudi.person AS p JOIN doudi.crosscheck_current AS r ON r.id_number = p.id_number
    WHERE p.left_on IS NULL AND p_ids IS NULL
    UNION ALL  -- only the households of the persons named: their rows by index, not a scan of all
    SELECT p.household_id, p.region_code, r.id, r.kind, r.event_date, r.amount_fen, r.self_paid_fen
    FROM named AS n JOIN doudi.person AS p ON p.household_id = n.household_id AND p.left_on IS NULL
    JOIN doudi.crosscheck_current AS r ON r.id_number = p.id_number),
  spent AS (
    SELECT r.household_id, min(r.region_code) AS region_code,
           sum(CASE r.kind WHEN 'medical' THEN r.self_paid_fen ELSE r.amount_fen END)::bigint AS essential_fen,
           array_agg(r.id ORDER BY r.event_date, r.id) AS rows
    FROM member_row AS r
    WHERE r.kind IN ('medical', 'schooling') AND r.event_date > (p_today - interval '12 months')::date
      AND r.event_date <= p_today
      AND (p_region IS NULL OR r.region_code LIKE p_region || '%')
    GROUP BY r.household_id),
  household AS (
    SELECT s.*, h.registry_status,
           coalesce((SELECT sum(i.monthly_fen) FROM doudi.income_item AS i WHERE i.household_id = s.household_id), 0)
             * 12 AS income_fen,
           (SELECT count(*) FROM doudi.person AS p WHERE p.household_id = s.household_id AND p.left_on IS NULL)
             AS members,
           (SELECT p.name FROM doudi.person AS p WHERE p.household_id = s.household_id AND p.left_on IS NULL
            ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1) AS name
    FROM spent AS s JOIN doudi.household AS h ON h.id = s.household_id
    WHERE h.registry_status NOT IN ('dibao', 'destitute', 'near_dibao')),
  limits AS MATERIALIZED (  -- the parameters once per region, not once per row joined
    SELECT k.region_code,
           doudi.screening_parameter('temporary', k.region_code, 'disposable_income_per_capita', 'fen', p_today)::bigint
             AS income_limit_fen,
           doudi.screening_parameter('temporary', k.region_code, 'essential_expense_share', 'percent',
                                     p_today)::integer AS share_percent
    FROM (SELECT DISTINCT h.region_code FROM household AS h) AS k)
  SELECT 'household:' || h.household_id, extract(year FROM p_today)::text, NULL::text, h.household_id,
         NULL::bigint, h.name, h.region_code, h.essential_fen,
         jsonb_build_object('essential_fen', h.essential_fen, 'income_fen', h.income_fen, 'members', h.members,
                            'income_per_capita_fen', h.income_fen / h.members,
                            'income_limit_fen', l.income_limit_fen, 'share_percent', l.share_percent),
         h.rows
  FROM household AS h JOIN limits AS l ON l.region_code = h.region_code
  WHERE h.members > 0 AND h.income_fen / h.members < l.income_limit_fen
    AND h.essential_fen * 100 > h.income_fen * l.share_percent
$$;
REVOKE ALL ON FUNCTION doudi.screen_expense_hardship(text,text[],date) FROM PUBLIC;
