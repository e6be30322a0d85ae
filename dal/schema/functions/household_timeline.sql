-- A household's whole story (经历), newest first: its cases of every state
-- (the day opened; what: the program, and the person a per-person case
-- names), alerts (the day raised; the rule), referrals (the day sent; the
-- department and what was asked, with its due date), help delivered (the
-- day given; kind, giver, amount) and pairing visits (the day; who and what
-- was found). Not a definer: each part is read under the caller's own
-- row-level security, so a liaison sees only what their policies give.
-- kind: case, alert, referral, help, visit; state: the row's own state
-- code, for help the kind of help (cash, job ...), for a visit the
-- visitor's level (township ...); item_id: the row's id in its table.
CREATE OR REPLACE FUNCTION doudi.household_timeline(p_household bigint)
RETURNS TABLE (on_date date, kind text, item_id bigint, what text, state text, due_on date, amount_fen bigint,
               happened_at timestamptz)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT t.on_date, t.kind, t.item_id, t.what, t.state, t.due_on, t.amount_fen, t.happened_at FROM (
    SELECT c.opened_at::date AS on_date, 'case' AS kind, c.id AS item_id,
           g.chinese || coalesce('（' || (SELECT p.name FROM doudi.person AS p WHERE p.id = c.person_id) || '）', '')
             AS what,
           c.state, NULL::date AS due_on, NULL::bigint AS amount_fen, c.opened_at AS happened_at
    FROM doudi.assistance_case AS c JOIN doudi.program AS g ON g.code = c.program
    WHERE c.household_id = p_household
    UNION ALL
    SELECT a.raised_at::date, 'alert', a.id, r.chinese || '（' || a.name || '）', a.state, NULL, a.figure_fen,
           a.raised_at
    FROM doudi.alert AS a JOIN doudi.alert_rule AS r ON r.code = a.rule
    WHERE a.household_id = p_household
    UNION ALL
    SELECT f.referred_at::date, 'referral', f.id,
           coalesce(d.name, f.department) || '：' || f.request, f.state, f.due_on, NULL, f.referred_at
    FROM doudi.referral AS f
    LEFT JOIN doudi.department AS d ON d.county_code = f.county_code AND d.code = f.department
    WHERE f.household_id = p_household
    UNION ALL
    SELECT h.given_on, 'help', h.id,
           h.giver || CASE WHEN h.description <> '' THEN '：' || h.description ELSE '' END,
           h.kind, NULL, h.amount_fen, h.recorded_at
    FROM doudi.help_record AS h
    WHERE h.household_id = p_household
    UNION ALL
    SELECT v.visited_on, 'visit', v.id, v.visitor || '：' || v.found, v.level, NULL, NULL, v.recorded_at
    FROM doudi.pairing_visit AS v
    WHERE v.household_id = p_household
  ) AS t
  ORDER BY t.on_date DESC, t.happened_at DESC, t.kind, t.item_id DESC
$$;
REVOKE ALL ON FUNCTION doudi.household_timeline(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_timeline(bigint) TO doudi_user;
