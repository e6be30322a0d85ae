-- Rule medical_unregistered (docs/screening.md, Sanmen's 医疗预警): anyone
-- else — a member of a household whose status is not in
-- medical.warning_statuses, or a person in no household — whose SELF-PAID
-- medical spending (医疗自负支出) in one calendar year of visit dates is MORE
-- THAN medical.warning_spending_other. A person in no household is placed
-- by the region the cross-check data gave (doudi.crosscheck_person, else
-- the latest row).
CREATE OR REPLACE FUNCTION doudi.screen_medical_unregistered(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH spending AS (
    SELECT m.id_number, extract(year FROM m.event_date)::integer AS year,
           sum(m.self_paid_fen)::bigint AS self_paid_fen,
           (array_agg(m.region_code ORDER BY m.event_date DESC, m.id DESC))[1] AS row_region,
           (array_agg(m.name ORDER BY m.event_date DESC, m.id DESC))[1] AS row_name
    FROM (SELECT c.* FROM doudi.crosscheck_current AS c WHERE c.kind = 'medical' AND p_ids IS NULL
          UNION ALL  -- only the persons named: their rows by index, not a scan of all
          SELECT c.* FROM (SELECT DISTINCT unnest(p_ids) AS id_number) AS i
          JOIN doudi.crosscheck_current AS c ON c.id_number = i.id_number AND c.kind = 'medical') AS m
    GROUP BY m.id_number, extract(year FROM m.event_date)),
  placed AS (
    SELECT s.id_number, s.year, s.self_paid_fen, p.household_id, h.registry_status,
           coalesce(p.name, k.name, s.row_name) AS name,
           coalesce(h.region_code, k.region_code, s.row_region) AS region_code
    FROM spending AS s
    LEFT JOIN doudi.person AS p ON p.id_number = s.id_number AND p.left_on IS NULL
    LEFT JOIN doudi.household AS h ON h.id = p.household_id
    LEFT JOIN doudi.crosscheck_person AS k ON k.id_number = s.id_number),
  scoped AS (
    SELECT * FROM placed AS p WHERE p_region IS NULL OR p.region_code LIKE p_region || '%'),
  limits AS MATERIALIZED (  -- the parameters once per region and year, not once per row joined
    SELECT k.region_code, k.year,
           doudi.screening_parameter('medical', k.region_code, 'warning_spending_other', 'fen',
                                     least(make_date(k.year, 12, 31), p_today))::bigint AS limit_fen,
           string_to_array(doudi.screening_parameter('medical', k.region_code, 'warning_statuses', 'code_list',
                                                     least(make_date(k.year, 12, 31), p_today)), ',') AS statuses
    FROM (SELECT DISTINCT s.region_code, s.year FROM scoped AS s) AS k)
  SELECT 'person:' || s.id_number, s.year::text, s.id_number, s.household_id, NULL::bigint, s.name, s.region_code,
         s.self_paid_fen,
         jsonb_build_object('self_paid_fen', s.self_paid_fen, 'limit_fen', l.limit_fen, 'year', s.year,
                            'registry_status', coalesce(s.registry_status, 'unregistered')),
         doudi.crosscheck_sources(ARRAY['medical'], ARRAY[s.id_number], make_date(s.year, 1, 1),
                                  make_date(s.year, 12, 31))
  FROM scoped AS s
  JOIN limits AS l ON l.region_code = s.region_code AND l.year = s.year
  WHERE (s.registry_status IS NULL OR NOT s.registry_status = ANY (l.statuses))
    AND s.self_paid_fen > l.limit_fen
$$;
REVOKE ALL ON FUNCTION doudi.screen_medical_unregistered(text,text[],date) FROM PUBLIC;
