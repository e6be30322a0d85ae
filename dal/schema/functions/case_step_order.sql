-- 0009: the order of a case's steps comes from the region's `step_order`
-- parameter (migration 8; Jinjiang's 村荐 → 镇选 → 公示 → 市定), no longer
-- from a region code written into the function. A program without its own
-- parameter follows 低保's; a region without any follows the national order.
CREATE OR REPLACE FUNCTION doudi.case_step_order(p_program text, p_region text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT v.value FROM doudi.parameter_value(p_program, p_region, 'step_order', current_date) AS v),
                  (SELECT v.value FROM doudi.parameter_value('dibao', p_region, 'step_order', current_date) AS v),
                  'national')
$$;
REVOKE ALL ON FUNCTION doudi.case_step_order(text,text) FROM PUBLIC;
