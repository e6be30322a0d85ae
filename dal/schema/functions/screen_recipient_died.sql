-- Rule recipient_died (docs/screening.md): the hukou data records the death
-- of a member of a household with a case in payment (doudi.case_in_payment).
-- Payments must stop; the figure is what was paid to the household for the
-- months after the month of death, with the number of those months.
CREATE OR REPLACE FUNCTION doudi.screen_recipient_died(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH death AS (
    SELECT DISTINCT ON (d.id_number) d.id_number, d.event_date, d.id
    FROM doudi.crosscheck_current AS d
    WHERE d.kind = 'hukou' AND d.category = 'death' AND d.event_date <= p_today
      AND (p_ids IS NULL OR d.id_number IN (SELECT unnest(p_ids)))
    ORDER BY d.id_number, d.event_date, d.id),
  recipient AS (
    SELECT DISTINCT ON (d.id_number) d.id_number, d.event_date, d.id AS source, p.name, p.household_id,
           h.region_code
    FROM death AS d
    JOIN doudi.person AS p ON p.id_number = d.id_number
    JOIN doudi.household AS h ON h.id = p.household_id
    WHERE (p_region IS NULL OR h.region_code LIKE p_region || '%')
      AND EXISTS (SELECT 1 FROM doudi.assistance_case AS c
                  WHERE c.household_id = p.household_id AND doudi.case_in_payment(c.state))
    ORDER BY d.id_number, p.left_on NULLS FIRST, p.id DESC)
  SELECT 'person:' || r.id_number, r.event_date::text, r.id_number, r.household_id, NULL::bigint, r.name,
         r.region_code, coalesce(paid.fen, 0),
         jsonb_build_object('death_date', r.event_date, 'months_paid_after', coalesce(paid.months, 0),
                            'paid_after_fen', coalesce(paid.fen, 0)),
         ARRAY[r.source]
  FROM recipient AS r
  LEFT JOIN LATERAL (
    SELECT sum(l.amount_fen)::bigint AS fen, count(DISTINCT l.month)::integer AS months
    FROM doudi.payment_line AS l
    WHERE l.household_id = r.household_id AND l.kind = 'monthly'
      AND l.month > date_trunc('month', r.event_date)::date) AS paid ON true
$$;
REVOKE ALL ON FUNCTION doudi.screen_recipient_died(text,text[],date) FROM PUBLIC;
