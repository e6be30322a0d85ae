-- Runs screening rules and merges what they find into doudi.alert, as the
-- owner: the body of screen(), of a cross-check import (the rules that
-- read its kind, for the persons it named) and of a withdrawal. One alert
-- per rule, subject and period:
--   * found and new: raised (state new);
--   * found and open: its figures, sources, name and region updated when
--     they changed, otherwise unchanged;
--   * found and closed: raised again (state new, the outcome cleared, kept
--     in the audit trail) only when its figure has grown by MORE THAN the
--     rule program's alert_reraise_step since it was closed; a rule without
--     a figure or without that parameter is not raised again;
--   * not found, open, and resting on rows of a withdrawn batch: closed as a
--     false alarm (trigger 'withdraw' only).
-- p_rules NULL: every rule. Returns one row per rule run.
CREATE OR REPLACE FUNCTION doudi.screen_apply(p_rules text[], p_region text, p_trigger text, p_batch bigint,
                                              p_ids text[])
RETURNS TABLE (rule text, raised integer, updated integer, unchanged integer, reraised integer)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  today CONSTANT date := doudi.clock_date();
  run_id bigint;
  r record;
  n_raised integer;
  n_updated integer;
  n_unchanged integer;
  n_reraised integer;
  withdrawn bigint[];
BEGIN
  PERFORM 'PRAGMA:TABLE: doudi_screen_found (subject_key text, period text, id_number text, household_id bigint, '
          'case_id bigint, name text, region_code text, figure_fen bigint, figures jsonb, sources bigint[])';
  INSERT INTO doudi.screening_run (trigger, rules, region, batch_id)
  VALUES (p_trigger, coalesce(p_rules, (SELECT array_agg(a.code ORDER BY a.position) FROM doudi.alert_rule AS a)),
          p_region, p_batch)
  RETURNING id INTO run_id;
  IF p_trigger = 'withdraw' THEN
    SELECT array_agg(c.id) INTO withdrawn FROM doudi.crosscheck_row AS c WHERE c.batch_id = p_batch;
  END IF;
  FOR r IN SELECT a.code, a.program FROM doudi.alert_rule AS a
           WHERE p_rules IS NULL OR a.code = ANY (p_rules) ORDER BY a.position LOOP
    DROP TABLE IF EXISTS pg_temp.doudi_screen_found;
    CREATE TEMP TABLE doudi_screen_found (subject_key text, period text, id_number text, household_id bigint,
                                          case_id bigint, name text, region_code text, figure_fen bigint,
                                          figures jsonb, sources bigint[]) ON COMMIT DROP;
    CASE r.code
      WHEN 'medical_registered' THEN
        INSERT INTO pg_temp.doudi_screen_found SELECT * FROM doudi.screen_medical_registered(p_region, p_ids, today);
      WHEN 'medical_unregistered' THEN
        INSERT INTO pg_temp.doudi_screen_found SELECT * FROM doudi.screen_medical_unregistered(p_region, p_ids, today);
      WHEN 'recipient_died' THEN
        INSERT INTO pg_temp.doudi_screen_found SELECT * FROM doudi.screen_recipient_died(p_region, p_ids, today);
      WHEN 'assets_over_limit' THEN
        INSERT INTO pg_temp.doudi_screen_found SELECT * FROM doudi.screen_assets_over_limit(p_region, p_ids, today);
      WHEN 'expense_hardship' THEN
        INSERT INTO pg_temp.doudi_screen_found SELECT * FROM doudi.screen_expense_hardship(p_region, p_ids, today);
      WHEN 'hukou_household_differs' THEN
        INSERT INTO pg_temp.doudi_screen_found
        SELECT * FROM doudi.screen_hukou_household_differs(p_region, p_ids, today);
      WHEN 'hukou_not_reflected' THEN
        INSERT INTO pg_temp.doudi_screen_found SELECT * FROM doudi.screen_hukou_not_reflected(p_region, p_ids, today);
      WHEN 'centenarian_unvisited' THEN
        INSERT INTO pg_temp.doudi_screen_found
        SELECT * FROM doudi.screen_centenarian_unvisited(p_region, p_ids, today);
      WHEN 'case_overdue' THEN
        INSERT INTO pg_temp.doudi_screen_found SELECT * FROM doudi.screen_case_overdue(p_region, p_ids, today);
      ELSE
        RAISE EXCEPTION 'doudi:screening.rule_without_function'
          USING DETAIL = json_build_object('rule', r.code)::text, ERRCODE = 'RD000';
    END CASE;

    WITH raised AS (
      INSERT INTO doudi.alert AS a (rule, subject_key, period, id_number, household_id, case_id, name, region_code,
                                    figure_fen, figures, sources)
      SELECT r.code, f.subject_key, f.period, f.id_number, f.household_id, f.case_id, f.name, f.region_code,
             f.figure_fen, f.figures, f.sources
      FROM pg_temp.doudi_screen_found AS f
      ON CONFLICT (rule, subject_key, period) DO NOTHING
      RETURNING 1)
    SELECT count(*) INTO n_raised FROM raised;

    WITH changed AS (
      UPDATE doudi.alert AS a
      SET figure_fen = f.figure_fen, figures = f.figures, sources = f.sources, name = f.name,
          region_code = f.region_code, household_id = f.household_id, updated_at = now(), version = a.version + 1
      FROM pg_temp.doudi_screen_found AS f
      WHERE a.rule = r.code AND a.subject_key = f.subject_key AND a.period = f.period AND a.state <> 'closed'
        AND (a.figure_fen, a.figures, a.sources, a.name, a.region_code, a.household_id)
            IS DISTINCT FROM (f.figure_fen, f.figures, f.sources, f.name, f.region_code, f.household_id)
      RETURNING 1)
    SELECT count(*) INTO n_updated FROM changed;

    WITH again AS (
      UPDATE doudi.alert AS a
      SET state = 'new', outcome = NULL, outcome_reason = NULL, outcome_case_id = NULL, closed_at = NULL,
          closed_by = NULL, figure_fen = f.figure_fen, figures = f.figures, sources = f.sources, name = f.name,
          region_code = f.region_code, household_id = f.household_id, raised_at = now(), updated_at = now(),
          raised_count = a.raised_count + 1, version = a.version + 1
      FROM pg_temp.doudi_screen_found AS f
      WHERE a.rule = r.code AND a.subject_key = f.subject_key AND a.period = f.period AND a.state = 'closed'
        AND f.figure_fen - a.closed_figure_fen
            > doudi.screening_parameter(r.program, f.region_code, 'alert_reraise_step', 'fen', today)::bigint
      RETURNING 1)
    SELECT count(*) INTO n_reraised FROM again;

    SELECT count(*) - n_raised - n_updated - n_reraised INTO n_unchanged FROM pg_temp.doudi_screen_found;

    IF withdrawn IS NOT NULL THEN
      UPDATE doudi.alert AS a
      SET state = 'closed', outcome = 'false_alarm', outcome_reason = '所依据的核对数据批次已撤回',
          closed_at = now(), closed_by = session_user, closed_figure_fen = a.figure_fen, updated_at = now(),
          version = a.version + 1
      WHERE a.rule = r.code AND a.state IN ('new', 'verifying') AND a.sources && withdrawn
        AND NOT EXISTS (SELECT 1 FROM pg_temp.doudi_screen_found AS f
                        WHERE f.subject_key = a.subject_key AND f.period = a.period);
    END IF;

    UPDATE doudi.screening_run AS s
    SET raised = s.raised + n_raised, updated = s.updated + n_updated, unchanged = s.unchanged + n_unchanged,
        reraised = s.reraised + n_reraised
    WHERE s.id = run_id;
    rule := r.code;
    raised := n_raised;
    updated := n_updated;
    unchanged := n_unchanged;
    reraised := n_reraised;
    RETURN NEXT;
  END LOOP;
  UPDATE doudi.screening_run AS s SET finished_at = clock_timestamp() WHERE s.id = run_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.screen_apply(text[],text,text,bigint,text[]) FROM PUBLIC;
