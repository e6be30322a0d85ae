-- Rule hukou_household_differs (docs/screening.md, Dianjiang's abnormal
-- data): a household with a case in payment whose members the hukou data
-- places in more than one hukou household (户号), or whose hukou household
-- has a living person who is not a member. Each person counts with the
-- latest hukou row in force that names a 户号; a death or move out takes the
-- person out of it.
CREATE OR REPLACE FUNCTION doudi.screen_hukou_household_differs(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH latest AS (
    SELECT DISTINCT ON (e.id_number) e.id_number, e.id, e.category, e.event_date,
           e.detail ->> 'hukou_household' AS hukou_household
    FROM doudi.crosscheck_current AS e
    WHERE e.kind = 'hukou' AND e.detail ? 'hukou_household' AND e.event_date <= p_today
    ORDER BY e.id_number, e.event_date DESC, e.id DESC),
  living AS (
    SELECT l.* FROM latest AS l WHERE l.category NOT IN ('death', 'move_out')),
  recipient AS (
    SELECT h.id, h.region_code
    FROM doudi.household AS h
    WHERE (p_region IS NULL OR h.region_code LIKE p_region || '%')
      AND EXISTS (SELECT 1 FROM doudi.assistance_case AS c WHERE c.household_id = h.id
                                                              AND doudi.case_in_payment(c.state))
      AND (p_ids IS NULL OR EXISTS (SELECT 1 FROM doudi.person AS m WHERE m.household_id = h.id
                                                                      AND m.id_number IN (SELECT unnest(p_ids))))),
  member AS (
    SELECT r.id AS household_id, r.region_code, p.id_number, p.name, p.relation, p.position, v.hukou_household, v.id
    FROM recipient AS r
    JOIN doudi.person AS p ON p.household_id = r.id AND p.left_on IS NULL
    LEFT JOIN living AS v ON v.id_number = p.id_number),
  outsider AS (
    SELECT DISTINCT m.household_id, v.id_number, v.id
    FROM member AS m
    JOIN living AS v ON v.hukou_household = m.hukou_household
    WHERE NOT EXISTS (SELECT 1 FROM member AS o WHERE o.household_id = m.household_id
                                                  AND o.id_number = v.id_number)),
  verdict AS (
    SELECT m.household_id, min(m.region_code) AS region_code,
           (array_agg(m.name ORDER BY (m.relation = 'head') DESC, m.position))[1] AS name,
           array_agg(DISTINCT m.hukou_household) FILTER (WHERE m.hukou_household IS NOT NULL) AS hukou_households,
           array_agg(m.id) FILTER (WHERE m.id IS NOT NULL) AS member_rows
    FROM member AS m GROUP BY m.household_id)
  SELECT 'household:' || v.household_id, extract(year FROM p_today)::text, NULL::text, v.household_id,
         NULL::bigint, v.name, v.region_code, NULL::bigint,
         jsonb_build_object('hukou_households', to_jsonb(v.hukou_households),
                            'persons_not_members', (SELECT count(*) FROM outsider AS o
                                                    WHERE o.household_id = v.household_id)),
         v.member_rows || coalesce((SELECT array_agg(o.id ORDER BY o.id) FROM outsider AS o
                                    WHERE o.household_id = v.household_id), '{}')
  FROM verdict AS v
  WHERE cardinality(v.hukou_households) > 1
     OR EXISTS (SELECT 1 FROM outsider AS o WHERE o.household_id = v.household_id)
$$;
REVOKE ALL ON FUNCTION doudi.screen_hukou_household_differs(text,text[],date) FROM PUBLIC;
