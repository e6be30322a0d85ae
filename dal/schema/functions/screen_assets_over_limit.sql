-- Rule assets_over_limit (docs/screening.md, Jinjiang's cross-check): a
-- household with an open case (in payment or under application) whose
-- current members have, in the cross-check data in force,
--   * a vehicle of a type not in dibao.vehicle_exempt_types, or
--   * an active business registration (存续) whose registered capital is MORE
--     THAN dibao.business_capital_limit, or
--   * deposits and financial assets MORE THAN dibao.deposit_limit_per_person
--     times the number of current members.
-- The figure is the deposits' total; every count and limit is in figures.
CREATE OR REPLACE FUNCTION doudi.screen_assets_over_limit(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH applicant AS (
    SELECT h.id, h.region_code
    FROM doudi.household AS h
    WHERE (p_region IS NULL OR h.region_code LIKE p_region || '%')
      AND EXISTS (SELECT 1 FROM doudi.assistance_case AS c
                  WHERE c.household_id = h.id AND c.state NOT IN ('refusal_notified', 'terminated'))
      AND (p_ids IS NULL OR EXISTS (SELECT 1 FROM doudi.person AS m WHERE m.household_id = h.id
                                                                      AND m.id_number IN (SELECT unnest(p_ids))))),
  limits AS MATERIALIZED (  -- the parameters once per region, not once per row joined
    SELECT k.region_code,
           string_to_array(doudi.screening_parameter('dibao', k.region_code, 'vehicle_exempt_types', 'code_list',
                                                     p_today), ',') AS exempt,
           doudi.screening_parameter('dibao', k.region_code, 'business_capital_limit', 'fen', p_today)::bigint
             AS capital_limit_fen,
           doudi.screening_parameter('dibao', k.region_code, 'deposit_limit_per_person', 'fen', p_today)::bigint
             AS deposit_limit_fen
    FROM (SELECT DISTINCT a.region_code FROM applicant AS a) AS k),
  holding AS (
    SELECT a.id AS household_id, a.region_code, r.id, r.kind, r.category, r.amount_fen
    FROM applicant AS a
    JOIN doudi.person AS p ON p.household_id = a.id AND p.left_on IS NULL
    JOIN doudi.crosscheck_current AS r ON r.id_number = p.id_number
    WHERE r.kind IN ('vehicle', 'business', 'deposit') AND r.event_date <= p_today),
  counted AS (
    SELECT h.household_id, h.region_code,
           count(*) FILTER (WHERE h.kind = 'vehicle' AND NOT h.category = ANY (coalesce(l.exempt, '{}')))
             AS vehicles,
           count(*) FILTER (WHERE h.kind = 'business' AND h.category = 'active'
                              AND coalesce(h.amount_fen, 0) > l.capital_limit_fen) AS businesses,
           coalesce(sum(h.amount_fen) FILTER (WHERE h.kind = 'deposit'), 0)::bigint AS deposits_fen,
           array_agg(h.id ORDER BY h.id) FILTER (
             WHERE (h.kind = 'vehicle' AND NOT h.category = ANY (coalesce(l.exempt, '{}')))
                OR (h.kind = 'business' AND h.category = 'active' AND coalesce(h.amount_fen, 0) > l.capital_limit_fen)
                OR h.kind = 'deposit') AS rows,
           min(l.deposit_limit_fen) AS per_person_fen, min(l.capital_limit_fen) AS capital_limit_fen
    FROM holding AS h JOIN limits AS l ON l.region_code = h.region_code
    GROUP BY h.household_id, h.region_code),
  sized AS (
    SELECT c.*, c.per_person_fen * (SELECT count(*) FROM doudi.person AS p
                                    WHERE p.household_id = c.household_id AND p.left_on IS NULL) AS deposit_limit_fen,
           (SELECT p.name FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL
            ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1) AS name
    FROM counted AS c)
  SELECT 'household:' || s.household_id, extract(year FROM p_today)::text, NULL::text, s.household_id,
         NULL::bigint, s.name, s.region_code, s.deposits_fen,
         jsonb_build_object('vehicles', s.vehicles, 'businesses', s.businesses, 'deposits_fen', s.deposits_fen,
                            'deposit_limit_fen', s.deposit_limit_fen, 'capital_limit_fen', s.capital_limit_fen),
         coalesce(s.rows, '{}')
  FROM sized AS s
  WHERE s.vehicles > 0 OR s.businesses > 0 OR s.deposits_fen > s.deposit_limit_fen
$$;
REVOKE ALL ON FUNCTION doudi.screen_assets_over_limit(text,text[],date) FROM PUBLIC;
