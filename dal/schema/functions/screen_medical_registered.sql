-- Rule medical_registered (docs/screening.md, Sanmen's 医疗预警): a member
-- of a household whose registry status, when screened, is in
-- medical.warning_statuses, whose TOTAL medical spending (医疗支出) in one
-- calendar year of visit dates is MORE THAN medical.warning_spending_registry
-- (the parameters in force at the end of that year, or today for this year).
-- p_region: a region code prefix or NULL; p_ids: only these persons, or NULL.
CREATE OR REPLACE FUNCTION doudi.screen_medical_registered(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH spending AS (
    SELECT m.id_number, extract(year FROM m.event_date)::integer AS year, sum(m.amount_fen)::bigint AS total_fen
    FROM (SELECT c.* FROM doudi.crosscheck_current AS c WHERE c.kind = 'medical' AND p_ids IS NULL
          UNION ALL  -- only the persons named: their rows by index, not a scan of all
          SELECT c.* FROM (SELECT DISTINCT unnest(p_ids) AS id_number) AS i
          JOIN doudi.crosscheck_current AS c ON c.id_number = i.id_number AND c.kind = 'medical') AS m
    GROUP BY m.id_number, extract(year FROM m.event_date)),
  registered AS (
    SELECT s.id_number, s.year, s.total_fen, p.name, p.household_id, h.region_code, h.registry_status
    FROM spending AS s
    JOIN doudi.person AS p ON p.id_number = s.id_number AND p.left_on IS NULL
    JOIN doudi.household AS h ON h.id = p.household_id
    WHERE p_region IS NULL OR h.region_code LIKE p_region || '%'),
  limits AS MATERIALIZED (  -- the parameters once per region and year, not once per row joined
    SELECT k.region_code, k.year,
           doudi.screening_parameter('medical', k.region_code, 'warning_spending_registry', 'fen',
                                     least(make_date(k.year, 12, 31), p_today))::bigint AS limit_fen,
           string_to_array(doudi.screening_parameter('medical', k.region_code, 'warning_statuses', 'code_list',
                                                     least(make_date(k.year, 12, 31), p_today)), ',') AS statuses
    FROM (SELECT DISTINCT r.region_code, r.year FROM registered AS r) AS k)
  SELECT 'person:' || r.id_number, r.year::text, r.id_number, r.household_id, NULL::bigint, r.name, r.region_code,
         r.total_fen,
         jsonb_build_object('total_fen', r.total_fen, 'limit_fen', l.limit_fen, 'year', r.year,
                            'registry_status', r.registry_status),
         doudi.crosscheck_sources(ARRAY['medical'], ARRAY[r.id_number], make_date(r.year, 1, 1),
                                  make_date(r.year, 12, 31))
  FROM registered AS r
  JOIN limits AS l ON l.region_code = r.region_code AND l.year = r.year
  WHERE r.registry_status = ANY (l.statuses) AND r.total_fen > l.limit_fen
$$;
REVOKE ALL ON FUNCTION doudi.screen_medical_registered(text,text[],date) FROM PUBLIC;
