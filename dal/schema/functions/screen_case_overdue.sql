-- Rule case_overdue (docs/screening.md, Dianjiang's abnormal data): a case
-- not in a terminal state whose nearer deadline (the step's or the whole
-- process's, doudi.assistance_case.step_due / overall_due) has passed. The
-- period is the missed date, so a case that misses a later deadline too is
-- raised again; the figures say by how many working days.
CREATE OR REPLACE FUNCTION doudi.screen_case_overdue(p_region text, p_ids text[], p_today date)
RETURNS TABLE (subject_key text, period text, id_number text, household_id bigint, case_id bigint, name text,
               region_code text, figure_fen bigint, figures jsonb, sources bigint[])
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT 'case:' || c.id, least(c.step_due, c.overall_due)::text, NULL::text, c.household_id, c.id,
         coalesce((SELECT p.name FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL
                   ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1), ''),
         c.region_code, NULL::bigint,
         jsonb_build_object('program', c.program, 'state', c.state, 'due', least(c.step_due, c.overall_due),
                            'which', CASE WHEN c.step_due IS NOT NULL AND c.step_due <= coalesce(c.overall_due, c.step_due)
                                          THEN 'step' ELSE 'overall' END,
                            'working_days_overdue', doudi.working_days_between(least(c.step_due, c.overall_due), p_today)),
         '{}'::bigint[]
  FROM doudi.assistance_case AS c
  WHERE least(c.step_due, c.overall_due) < p_today AND c.state NOT IN ('refusal_notified', 'terminated')
    AND (p_region IS NULL OR c.region_code LIKE p_region || '%')
    AND (p_ids IS NULL OR EXISTS (SELECT 1 FROM doudi.person AS m WHERE m.household_id = c.household_id
                                                                    AND m.id_number IN (SELECT unnest(p_ids))))
$$;
REVOKE ALL ON FUNCTION doudi.screen_case_overdue(text,text[],date) FROM PUBLIC;
