-- Rule centenarian_unvisited (docs/screening.md, Dianjiang's abnormal
-- data): a current member, aged dibao.centenarian_age or more (百岁以上:
-- 100 included), of a household with a case in payment, when nobody has
-- visited the household at home within dibao.centenarian_visit_months
-- months — no home survey of any of its cases, no home visit verifying one
-- of its alerts.
CREATE OR REPLACE FUNCTION doudi.screen_centenarian_unvisited(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH elder AS (
    SELECT p.id_number, p.name, p.household_id, p.region_code, p.birth_date,
           extract(year FROM age(p_today, p.birth_date))::integer AS age,
           doudi.screening_parameter('dibao', p.region_code, 'centenarian_age', 'count', p_today)::integer
             AS age_limit,
           doudi.screening_parameter('dibao', p.region_code, 'centenarian_visit_months', 'months', p_today)::integer
             AS visit_months
    FROM doudi.person AS p
    -- a cheap bound first: nobody under 90 is near any age limit worth the lookups
    WHERE p.left_on IS NULL AND p.birth_date <= (p_today - interval '90 years')::date
      AND (p_region IS NULL OR p.region_code LIKE p_region || '%')
      AND (p_ids IS NULL OR p.id_number IN (SELECT unnest(p_ids)))
      AND EXISTS (SELECT 1 FROM doudi.assistance_case AS c
                  WHERE c.household_id = p.household_id AND doudi.case_in_payment(c.state))),
  visited AS (
    SELECT e.*,
           greatest((SELECT max(s.surveyed_on) FROM doudi.case_survey AS s
                     JOIN doudi.assistance_case AS c ON c.id = s.case_id WHERE c.household_id = e.household_id),
                    (SELECT max(v.verified_at)::date FROM doudi.alert_verification AS v
                     JOIN doudi.alert AS a ON a.id = v.alert_id
                     WHERE a.household_id = e.household_id AND v.method = 'home_visit')) AS last_visit
    FROM elder AS e WHERE e.age >= e.age_limit)
  SELECT 'person:' || v.id_number, extract(year FROM p_today)::text, v.id_number, v.household_id, NULL::bigint,
         v.name, v.region_code, NULL::bigint,
         jsonb_build_object('age', v.age, 'age_limit', v.age_limit, 'visit_months', v.visit_months,
                            'last_visit', v.last_visit),
         '{}'::bigint[]
  FROM visited AS v
  WHERE v.last_visit IS NULL OR v.last_visit <= (p_today - make_interval(months => v.visit_months))::date
$$;
REVOKE ALL ON FUNCTION doudi.screen_centenarian_unvisited(text,text[],date) FROM PUBLIC;
