-- Rule hukou_not_reflected (docs/screening.md, Dianjiang's abnormal data):
-- the hukou data records a death or a move out of a person who is still a
-- current member of a household in the registry (not marked as left).
CREATE OR REPLACE FUNCTION doudi.screen_hukou_not_reflected(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT DISTINCT ON (e.id_number)
         'person:' || e.id_number, e.event_date::text, e.id_number, p.household_id, NULL::bigint, p.name,
         p.region_code, NULL::bigint,
         jsonb_build_object('event', e.category, 'event_date', e.event_date), ARRAY[e.id]
  FROM doudi.crosscheck_current AS e
  JOIN doudi.person AS p ON p.id_number = e.id_number AND p.left_on IS NULL
  WHERE e.kind = 'hukou' AND e.category IN ('death', 'move_out') AND e.event_date <= p_today
    AND (p_ids IS NULL OR e.id_number IN (SELECT unnest(p_ids)))
    AND (p_region IS NULL OR p.region_code LIKE p_region || '%')
    -- a later move back in answers a move out
    AND NOT EXISTS (SELECT 1 FROM doudi.crosscheck_current AS b
                    WHERE b.kind = 'hukou' AND b.id_number = e.id_number AND b.category IN ('move_in', 'record')
                      AND b.event_date > e.event_date)
  ORDER BY e.id_number, e.event_date, e.id
$$;
REVOKE ALL ON FUNCTION doudi.screen_hukou_not_reflected(text,text[],date) FROM PUBLIC;
