-- 0018: every amount bounded by the rule that produced it, and request ids
-- that mean one change only (issue 12, findings 5, 15 and 17).
--  * A proposed amount, monthly and one-off, of every program is checked
--    against the cap the parameters in force give for the case's village
--    (docs/parameters.md, "Caps on amounts"): 低保 monthly, the standard ×
--    household size (the minimum per household where that is higher); 特困
--    monthly, basic support plus the highest care amount; 临时救助 one-off,
--    temporary_cap; any other part, the program's monthly_cap or
--    one_off_cap. A part above zero with no cap in force is refused
--    (doudi:amount.no_bound).
--  * An amount above the cap is an exception: it needs a reason, may exceed
--    the cap by at most cap_exception_percent, and is decided only once a
--    second city decider, never its proposer, has confirmed it.
--  * Amounts are compared in numeric: no bigint overflow on any input.
--  * A retry racing its original waits for it (an advisory lock on the
--    request id) and returns the original's result; a request id already
--    used for another case or another change is refused
--    (doudi:request.reused) instead of meeting a unique violation.
-- Refusals carry a stable code at the start of the message: doudi:<code>: ...

----------------------------------------------------------------------------
-- Request ids.

-- Waits for any other transaction working under the same request id, so
-- that the lookup after it sees that transaction's outcome (READ COMMITTED:
-- each statement reads what was committed when it started).
CREATE FUNCTION doudi.case_request_lock(p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_request_id IS NULL THEN
    RAISE EXCEPTION 'doudi:request.missing: every change of a case needs a request id'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('doudi.case_request'),
                                           pg_catalog.hashtext(p_request_id::text));
END
$$;

-- Refuses a request id that was used for another change. The other change
-- is not named: it may be a case the caller may not see.
CREATE FUNCTION doudi.case_request_reused(p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'doudi:request.reused: request % was already used for another change; a new change needs a new request id',
    p_request_id USING ERRCODE = 'invalid_parameter_value';
END
$$;

-- Whether the survey, evidence, amount or confirmation (p_kind) under the
-- request id was already recorded for the case; refuses one recorded for
-- another case.
CREATE FUNCTION doudi.case_request_done(p_kind text, p_request_id uuid, p_case_id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  owner_case bigint;
BEGIN
  SELECT x.case_id INTO owner_case FROM (
    SELECT s.case_id FROM doudi.case_survey AS s WHERE p_kind = 'survey' AND s.request_id = p_request_id
    UNION ALL
    SELECT e.case_id FROM doudi.case_evidence AS e WHERE p_kind = 'evidence' AND e.request_id = p_request_id
    UNION ALL
    SELECT a.case_id FROM doudi.case_amount_proposal AS a WHERE p_kind = 'amount' AND a.request_id = p_request_id
    UNION ALL
    SELECT k.case_id FROM doudi.case_amount_confirmation AS k
    WHERE p_kind = 'confirmation' AND k.request_id = p_request_id
  ) AS x;
  IF NOT FOUND THEN RETURN false; END IF;
  IF owner_case IS DISTINCT FROM p_case_id THEN PERFORM doudi.case_request_reused(p_request_id); END IF;
  RETURN true;
END
$$;

----------------------------------------------------------------------------
-- Caps.

-- A money parameter in force on p_on, as a number; NULL when there is no
-- row or the key is not in fen.
CREATE FUNCTION doudi.fen_parameter(p_program text, p_region text, p_key text, p_on date) RETURNS numeric
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT v.value::numeric FROM doudi.parameter_value(p_program, p_region, p_key, p_on) AS v WHERE v.unit = 'fen'
$$;

-- The caps in force today for a case's monthly amount and one-off grant,
-- NULL where none is, each with the rule it comes from.
CREATE FUNCTION doudi.case_amount_caps(c doudi.assistance_case, OUT monthly_cap numeric, OUT monthly_rule text,
                                       OUT one_off_cap numeric, OUT one_off_rule text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  today date := doudi.clock_date();
  size integer;
  standard numeric;
  basic numeric;
BEGIN
  IF c.program = 'dibao' THEN
    SELECT count(*) INTO size FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL;
    standard := doudi.fen_parameter('dibao', c.region_code, 'standard_per_person', today);
    monthly_rule := format('dibao.standard_per_person × %s members', size);
    IF standard IS NOT NULL THEN
      monthly_cap := greatest(standard * size,
                              coalesce(doudi.fen_parameter('dibao', c.region_code, 'minimum_per_household', today), 0));
    END IF;
  ELSIF c.program = 'destitute' THEN
    basic := doudi.fen_parameter('destitute', c.region_code, 'destitute_basic', today);
    monthly_rule := 'destitute.destitute_basic + the highest destitute_care_*';
    IF basic IS NOT NULL THEN
      monthly_cap := basic + greatest(
        coalesce(doudi.fen_parameter('destitute', c.region_code, 'destitute_care_able', today), 0),
        coalesce(doudi.fen_parameter('destitute', c.region_code, 'destitute_care_partial', today), 0),
        coalesce(doudi.fen_parameter('destitute', c.region_code, 'destitute_care_full', today), 0));
    END IF;
  ELSE
    monthly_rule := c.program || '.monthly_cap';
    monthly_cap := doudi.fen_parameter(c.program, c.region_code, 'monthly_cap', today);
  END IF;
  one_off_rule := c.program || CASE WHEN c.program = 'temporary' THEN '.temporary_cap' ELSE '.one_off_cap' END;
  one_off_cap := doudi.fen_parameter(c.program, c.region_code, split_part(one_off_rule, '.', 2), today);
END
$$;

-- Checks an amount against the caps in force. Refuses (22023) a part above
-- zero without a cap (amount.no_bound), a part above its cap without a
-- reason (amount.over_cap), and one above cap_exception_percent of its cap
-- even with a reason (amount.over_limit; no such parameter in force: no
-- exceptions). above_cap tells whether the amount is an exception.
CREATE FUNCTION doudi.case_check_amount(c doudi.assistance_case, p_monthly_fen bigint, p_one_off_fen bigint,
                                        p_reason text, OUT monthly_cap numeric, OUT one_off_cap numeric,
                                        OUT above_cap boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  caps record;
  part record;
  exception_percent numeric;
BEGIN
  SELECT * INTO caps FROM doudi.case_amount_caps(c);
  monthly_cap := caps.monthly_cap;
  one_off_cap := caps.one_off_cap;
  above_cap := false;
  FOR part IN SELECT * FROM (VALUES ('monthly amount', p_monthly_fen::numeric, caps.monthly_cap, caps.monthly_rule),
                                    ('one-off grant', p_one_off_fen::numeric, caps.one_off_cap, caps.one_off_rule))
                            AS v (what, fen, cap, rule)
              WHERE v.fen > 0 LOOP
    IF part.cap IS NULL THEN
      RAISE EXCEPTION 'doudi:amount.no_bound: no cap on the % of a % case is in force in region % (parameter %), so none can be proposed',
        part.what, c.program, c.region_code, part.rule USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF part.fen > part.cap THEN
      IF coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'doudi:amount.over_cap: the % of % fen is above the cap of % fen (%); an amount above the cap needs a reason and the confirmation of a second city decider',
          part.what, part.fen, part.cap, part.rule USING ERRCODE = 'invalid_parameter_value';
      END IF;
      SELECT v.value::numeric INTO exception_percent FROM doudi.case_parameter(c.program, c.region_code, 'cap_exception_percent') AS v
      WHERE v.unit = 'percent';
      IF exception_percent IS NULL THEN
        RAISE EXCEPTION 'doudi:amount.over_limit: the % of % fen is above the cap of % fen (%), and no exception is allowed in region % (no cap_exception_percent in force)',
          part.what, part.fen, part.cap, part.rule, c.region_code USING ERRCODE = 'invalid_parameter_value';
      END IF;
      IF part.fen * 100 > part.cap * exception_percent THEN
        RAISE EXCEPTION 'doudi:amount.over_limit: the % of % fen is above % %% of its cap of % fen (%), the most an exception may reach here',
          part.what, part.fen, exception_percent, part.cap, part.rule USING ERRCODE = 'invalid_parameter_value';
      END IF;
      above_cap := true;
    END IF;
  END LOOP;
END
$$;

----------------------------------------------------------------------------
-- Exceptions: an amount above the cap, its reason, and its confirmation by
-- a second city decider. Append-only, like the proposals.
CREATE TABLE doudi.case_amount_exception (
  id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  proposal_id     bigint NOT NULL UNIQUE REFERENCES doudi.case_amount_proposal (id),
  case_id         bigint NOT NULL REFERENCES doudi.assistance_case (id),
  region_code     text COLLATE "C" NOT NULL,
  reason          text NOT NULL CHECK (btrim(reason) <> ''),
  -- the caps in force when it was proposed (NULL: none applied to that part)
  monthly_cap_fen numeric CHECK (monthly_cap_fen >= 0),
  one_off_cap_fen numeric CHECK (one_off_cap_fen >= 0),
  requested_by    text NOT NULL DEFAULT doudi.acting_user(),
  requested_at    timestamptz NOT NULL DEFAULT doudi.clock_now()
);
CREATE TABLE doudi.case_amount_confirmation (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  exception_id bigint NOT NULL UNIQUE REFERENCES doudi.case_amount_exception (id),
  case_id      bigint NOT NULL REFERENCES doudi.assistance_case (id),
  region_code  text COLLATE "C" NOT NULL,
  opinion      text NOT NULL DEFAULT '',
  confirmed_by text NOT NULL DEFAULT doudi.acting_user(),
  confirmed_at timestamptz NOT NULL DEFAULT doudi.clock_now(),
  request_id   uuid NOT NULL UNIQUE
);
CREATE INDEX case_amount_exception_case_idx ON doudi.case_amount_exception (case_id);
CREATE INDEX case_amount_confirmation_case_idx ON doudi.case_amount_confirmation (case_id);
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_amount_exception', 'case_amount_confirmation'] LOOP
    EXECUTE format('ALTER TABLE doudi.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE doudi.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY in_scope_read ON doudi.%I FOR SELECT TO doudi_village_clerk, '
                   'doudi_township_reviewer, doudi_city_decider, doudi_finance_officer, doudi_center_admin, '
                   'doudi_auditor USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high())', t);
    EXECUTE format('CREATE POLICY owner_all ON doudi.%I TO doudi_owner USING (true) WITH CHECK (true)', t);
    EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.%I '
                   'FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change()', t);
    EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON doudi.%I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes(''id'')', t);
    EXECUTE format('GRANT SELECT ON doudi.%I TO doudi_user', t);
  END LOOP;
END
$$;

----------------------------------------------------------------------------
-- The case functions that take a request id: each waits for a racing
-- original, then returns what a request already applied to the case gave
-- and refuses one used elsewhere.

CREATE OR REPLACE FUNCTION doudi.case_open(p_household_id bigint, p_program text, p_request_id uuid,
                                           p_close_relative boolean DEFAULT false,
                                           p_close_relative_note text DEFAULT '')
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text;
  done record;
  new_id bigint;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  SELECT s.case_id, s.action, a.household_id, a.program INTO done
  FROM doudi.case_step AS s JOIN doudi.assistance_case AS a ON a.id = s.case_id
  WHERE s.request_id = p_request_id;
  IF FOUND THEN
    IF done.action = 'apply' AND done.household_id = p_household_id AND done.program = p_program THEN
      RETURN done.case_id;
    END IF;
    PERFORM doudi.case_request_reused(p_request_id);
  END IF;
  SELECT h.region_code INTO region FROM doudi.household AS h WHERE h.id = p_household_id;
  IF region IS NULL OR NOT doudi.caller_may_see(p_household_id, region) THEN
    RAISE EXCEPTION 'you may not open a case for household %', p_household_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM doudi.require_group(ARRAY['village_clerk', 'township_reviewer', 'city_decider', 'center_admin'],
                              'opening a case');
  IF p_close_relative AND coalesce(btrim(p_close_relative_note), '') = '' THEN
    RAISE EXCEPTION 'a close relative of staff needs a note saying whose relative' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO doudi.assistance_case (household_id, region_code, program, step_order, state, state_since,
                                     close_relative, close_relative_note)
  VALUES (p_household_id, region, p_program, doudi.case_step_order(p_program, region), 'applied', doudi.clock_date(),
          coalesce(p_close_relative, false), coalesce(btrim(p_close_relative_note), ''))
  RETURNING id INTO new_id;
  INSERT INTO doudi.case_step (case_id, region_code, from_state, action, to_state, level, version, request_id)
  VALUES (new_id, region, NULL, 'apply', 'applied', 'village', 1, p_request_id);
  RETURN new_id;
END
$$;

-- As in 0011; the amount requirement now also needs the latest proposal
-- within the caps in force, or its exception confirmed.
CREATE OR REPLACE FUNCTION doudi.case_check_requirement(c doudi.assistance_case, p_requires text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  since timestamptz := doudi.case_last_step_at(c.id);
  missing text;
  p doudi.case_amount_proposal;
  ex doudi.case_amount_exception;
BEGIN
  IF p_requires = 'amount' THEN
    SELECT * INTO p FROM doudi.case_amount_proposal AS x
    WHERE x.case_id = c.id
      AND x.id > coalesce((SELECT max(b.proposal_id) FROM doudi.case_benefit AS b WHERE b.case_id = c.id), 0)
    ORDER BY x.id DESC LIMIT 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'case %: no amount is proposed', c.id USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO ex FROM doudi.case_amount_exception AS x WHERE x.proposal_id = p.id;
    IF NOT FOUND THEN
      -- Within the caps in force now (a standard lowered, a member gone,
      -- or a proposal older than the caps).
      PERFORM doudi.case_check_amount(c, p.monthly_fen, p.one_off_fen, NULL);
    ELSIF NOT EXISTS (SELECT 1 FROM doudi.case_amount_confirmation AS k WHERE k.exception_id = ex.id) THEN
      RAISE EXCEPTION 'doudi:amount.unconfirmed: case %: the amount proposed is above the cap (%) and waits for the confirmation of a second city decider',
        c.id, ex.reason USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN;
  END IF;
  missing := CASE p_requires
    WHEN 'none' THEN NULL
    WHEN 'survey' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_survey AS s WHERE s.case_id = c.id AND s.recorded_at >= since)
           THEN 'the home survey (two surveyors) is not recorded' END
    WHEN 'verification_report' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'verification_report' AND e.added_at >= since)
           THEN 'the economic-status verification report is not attached' END
    WHEN 'appraisal_record' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.case_id = c.id
                            AND e.kind = 'appraisal_record' AND e.added_at >= since)
           THEN 'the democratic-appraisal record is not attached' END
    WHEN 'notice_ended' THEN
      CASE WHEN c.notice_end IS NULL OR doudi.clock_date() < c.notice_end
           THEN format('the public notice runs until %s', c.notice_end) END
  END;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'case %: %', c.id, missing USING ERRCODE = 'invalid_parameter_value';
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION doudi.case_transition(p_case_id bigint, p_action text, p_expected_version integer,
                                                 p_request_id uuid, p_opinion text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  rule doudi.case_transition_rule;
  done record;
  step_id bigint;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  SELECT s.case_id, s.action, s.version INTO done FROM doudi.case_step AS s WHERE s.request_id = p_request_id;
  IF FOUND THEN
    IF done.case_id = p_case_id AND done.action = p_action THEN RETURN done.version; END IF;
    PERFORM doudi.case_request_reused(p_request_id);
  END IF;
  c := doudi.case_for_change(p_case_id);
  IF c.version <> p_expected_version THEN
    RAISE EXCEPTION 'case % was changed meanwhile (version %, you had %)', p_case_id, c.version, p_expected_version
      USING ERRCODE = 'serialization_failure';
  END IF;
  SELECT * INTO rule FROM doudi.case_transition_rule AS r
  WHERE r.step_order = c.step_order AND r.from_state = c.state AND r.action = p_action;
  IF NOT FOUND OR NOT (rule.programs = 'all' OR c.program = ANY (string_to_array(rule.programs, '+'))) THEN
    RAISE EXCEPTION 'action % is not possible in state % for %', p_action, c.state, c.program
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT doudi.session_is_superuser() AND coalesce(doudi.session_group(), '') <> rule.staff_group THEN
    RAISE EXCEPTION 'action % is for a %', p_action, rule.staff_group USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM doudi.case_step AS s
             WHERE s.case_id = p_case_id AND s.actor = doudi.acting_user() AND s.level <> rule.level
               AND s.action <> 'apply') THEN
    RAISE EXCEPTION 'you already acted on case % at another level', p_case_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF rule.opinion_required AND coalesce(btrim(p_opinion), '') = '' THEN
    RAISE EXCEPTION 'action % needs an opinion stating the reasons', p_action USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM doudi.case_check_requirement(c, rule.requires);
  INSERT INTO doudi.case_step (case_id, region_code, from_state, action, to_state, level, version, opinion, request_id)
  VALUES (p_case_id, c.region_code, c.state, p_action, rule.to_state, rule.level, c.version + 1,
          coalesce(p_opinion, ''), p_request_id)
  RETURNING id INTO step_id;
  IF rule.requires = 'amount' THEN
    PERFORM doudi.case_decide_benefit(c, step_id);
  END IF;
  c.state := rule.to_state;
  c := doudi.case_after_move(c, p_action);
  UPDATE doudi.assistance_case AS a
  SET state = c.state, version = a.version + 1, state_since = c.state_since, accepted_on = c.accepted_on,
      step_due = c.step_due, step_due_certain = c.step_due_certain, overall_due = c.overall_due,
      overall_due_certain = c.overall_due_certain, notice_start = c.notice_start, notice_end = c.notice_end,
      decided_on = c.decided_on, benefit_end_month = c.benefit_end_month, next_review_on = c.next_review_on
  WHERE a.id = p_case_id;
  RETURN c.version + 1;
END
$$;

CREATE OR REPLACE FUNCTION doudi.case_record_survey(p_case_id bigint, p_surveyors text[], p_surveyed_on date,
                                                    p_findings text, p_members_present text, p_request_id uuid)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  names text[];
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  IF doudi.case_request_done('survey', p_request_id, p_case_id) THEN RETURN; END IF;
  c := doudi.case_for_change(p_case_id);
  IF c.close_relative THEN
    PERFORM doudi.require_group(ARRAY['city_decider'], 'the survey of a close relative of staff');
  ELSE
    PERFORM doudi.require_group(ARRAY['township_reviewer', 'city_decider'], 'recording a survey');
  END IF;
  PERFORM doudi.require_state(c, ARRAY['accepted', 'helped_first', 'objected', 'under_review'], 'a survey');
  SELECT array_agg(DISTINCT btrim(n)) INTO names FROM unnest(p_surveyors) AS n WHERE btrim(n) <> '';
  IF coalesce(cardinality(names), 0) < 2 THEN
    RAISE EXCEPTION 'surveyors: a home survey needs at least two different surveyors' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_surveyed_on IS NULL OR p_surveyed_on > doudi.clock_date() THEN
    RAISE EXCEPTION 'surveyed_on: the survey date must be given and not in the future' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF coalesce(btrim(p_findings), '') = '' THEN
    RAISE EXCEPTION 'findings: the survey''s findings must be written down' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO doudi.case_survey (case_id, region_code, surveyors, surveyed_on, findings, members_present, request_id)
  VALUES (p_case_id, c.region_code, p_surveyors, p_surveyed_on, btrim(p_findings), coalesce(btrim(p_members_present), ''),
          p_request_id);
END
$$;

CREATE OR REPLACE FUNCTION doudi.case_add_evidence(p_case_id bigint, p_kind text, p_title text, p_note text,
                                                   p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  IF doudi.case_request_done('evidence', p_request_id, p_case_id) THEN RETURN; END IF;
  c := doudi.case_for_change(p_case_id);
  PERFORM doudi.require_group(ARRAY['village_clerk', 'township_reviewer', 'city_decider'], 'adding evidence');
  IF EXISTS (SELECT 1 FROM doudi.case_state_rule AS r WHERE r.state = c.state AND r.terminal) THEN
    RAISE EXCEPTION 'case % is closed', p_case_id USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF coalesce(btrim(p_title), '') = '' THEN
    RAISE EXCEPTION 'title: the evidence needs a title' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO doudi.case_evidence (case_id, region_code, kind, title, note, request_id)
  VALUES (p_case_id, c.region_code, p_kind, btrim(p_title), coalesce(p_note, ''), p_request_id);
END
$$;

-- Proposes the amount for the decision (township review, the city's
-- decision, a periodic review), bounded by the caps in force
-- (doudi.case_check_amount); above a cap only with p_over_cap_reason, and
-- then decided only once a second city decider confirms it
-- (doudi.case_confirm_amount). A charity grant also needs a fund serving the
-- region with enough left.
DROP FUNCTION doudi.case_propose_amount(bigint, bigint, bigint, text[], text, uuid);
CREATE FUNCTION doudi.case_propose_amount(p_case_id bigint, p_monthly_fen bigint, p_one_off_fen bigint,
                                          p_working text[], p_fund_code text, p_request_id uuid,
                                          p_over_cap_reason text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  checked record;
  new_proposal bigint;
  fund_left bigint;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  IF doudi.case_request_done('amount', p_request_id, p_case_id) THEN RETURN; END IF;
  c := doudi.case_for_change(p_case_id);
  PERFORM doudi.require_group(ARRAY['township_reviewer', 'city_decider'], 'proposing an amount');
  PERFORM doudi.require_state(c, ARRAY['helped_first', 'verified', 'village_recommended', 'township_reviewed',
                                       'objected', 'awaiting_decision', 'under_review'], 'an amount');
  IF p_monthly_fen IS NULL OR p_one_off_fen IS NULL OR p_monthly_fen < 0 OR p_one_off_fen < 0
     OR (p_monthly_fen = 0 AND p_one_off_fen = 0) THEN
    RAISE EXCEPTION 'amount: give a monthly amount or a one-off grant above zero' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO checked FROM doudi.case_check_amount(c, p_monthly_fen, p_one_off_fen, p_over_cap_reason);
  IF (c.program = 'charity') <> (p_fund_code IS NOT NULL) THEN
    RAISE EXCEPTION 'fund: a charity grant names its fund, and only a charity grant does'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_fund_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM doudi.charity_fund AS f WHERE f.code = p_fund_code
                                               AND f.region_prefix = left(c.region_code, length(f.region_prefix))) THEN
    RAISE EXCEPTION 'fund: % does not serve region %', p_fund_code, c.region_code USING ERRCODE = 'invalid_parameter_value';
  END IF;
  fund_left := CASE WHEN p_fund_code IS NOT NULL THEN coalesce(doudi.charity_fund_left(p_fund_code), 0) END;
  IF fund_left < p_one_off_fen THEN
    RAISE EXCEPTION 'fund: % has % fen left', p_fund_code, fund_left USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO doudi.case_amount_proposal (case_id, region_code, monthly_fen, one_off_fen, working, fund_code, request_id)
  VALUES (p_case_id, c.region_code, p_monthly_fen, p_one_off_fen, coalesce(p_working, '{}'), p_fund_code, p_request_id)
  RETURNING id INTO new_proposal;
  IF checked.above_cap THEN
    INSERT INTO doudi.case_amount_exception (proposal_id, case_id, region_code, reason, monthly_cap_fen, one_off_cap_fen)
    VALUES (new_proposal, p_case_id, c.region_code, btrim(p_over_cap_reason), checked.monthly_cap, checked.one_off_cap);
  END IF;
END
$$;

-- A second city decider confirms the case's latest proposal, above the cap
-- with its reason, so that it may be decided. Refuses (SQLSTATE) 42501 a
-- caller who is not a city decider, proposed it, or acted on the case at
-- another level; 22023 a proposal that is not above the cap or is no
-- longer the latest undecided one. Confirming twice is confirming once.
CREATE FUNCTION doudi.case_confirm_amount(p_case_id bigint, p_proposal_id bigint, p_opinion text, p_request_id uuid)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  e doudi.case_amount_exception;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  IF doudi.case_request_done('confirmation', p_request_id, p_case_id) THEN RETURN; END IF;
  c := doudi.case_for_change(p_case_id);
  PERFORM doudi.require_group(ARRAY['city_decider'], 'confirming an amount above the cap');
  PERFORM doudi.require_state(c, ARRAY['helped_first', 'verified', 'village_recommended', 'township_reviewed',
                                       'objected', 'awaiting_decision', 'under_review'], 'confirming an amount');
  SELECT * INTO e FROM doudi.case_amount_exception AS x WHERE x.proposal_id = p_proposal_id AND x.case_id = p_case_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'doudi:amount.no_exception: proposal % of case % is not above the cap: there is nothing to confirm',
      p_proposal_id, p_case_id USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_proposal_id <> (SELECT max(a.id) FROM doudi.case_amount_proposal AS a WHERE a.case_id = p_case_id)
     OR EXISTS (SELECT 1 FROM doudi.case_benefit AS b WHERE b.proposal_id = p_proposal_id) THEN
    RAISE EXCEPTION 'doudi:amount.superseded: proposal % is no longer the amount case % waits to decide', p_proposal_id,
      p_case_id USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF e.requested_by = doudi.acting_user() THEN
    RAISE EXCEPTION 'doudi:amount.same_person: an amount above the cap is confirmed by a second city decider, not by its proposer'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM doudi.case_step AS s
             WHERE s.case_id = p_case_id AND s.actor = doudi.acting_user() AND s.level <> 'city' AND s.action <> 'apply') THEN
    RAISE EXCEPTION 'you already acted on case % at another level', p_case_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM doudi.case_amount_confirmation AS k WHERE k.exception_id = e.id) THEN RETURN; END IF;
  INSERT INTO doudi.case_amount_confirmation (exception_id, case_id, region_code, opinion, request_id)
  VALUES (e.id, p_case_id, c.region_code, coalesce(btrim(p_opinion), ''), p_request_id);
END
$$;

-- Helpers run inside the functions above (as their owner); the desk groups
-- call exactly the functions their work needs.
REVOKE ALL ON FUNCTION doudi.case_request_lock(uuid), doudi.case_request_reused(uuid),
  doudi.case_request_done(text, uuid, bigint), doudi.fen_parameter(text, text, text, date),
  doudi.case_amount_caps(doudi.assistance_case), doudi.case_check_amount(doudi.assistance_case, bigint, bigint, text),
  doudi.case_check_requirement(doudi.assistance_case, text),
  doudi.case_open(bigint, text, uuid, boolean, text),
  doudi.case_transition(bigint, text, integer, uuid, text),
  doudi.case_record_survey(bigint, text[], date, text, text, uuid),
  doudi.case_add_evidence(bigint, text, text, text, uuid),
  doudi.case_propose_amount(bigint, bigint, bigint, text[], text, uuid, text),
  doudi.case_confirm_amount(bigint, bigint, text, uuid)
  FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION doudi.case_transition(bigint, text, integer, uuid, text),
  doudi.case_record_survey(bigint, text[], date, text, text, uuid),
  doudi.case_add_evidence(bigint, text, text, text, uuid)
  FROM doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
GRANT EXECUTE ON FUNCTION doudi.case_open(bigint, text, uuid, boolean, text)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
-- the groups the rule table (assets/rules/case_transitions.csv) names
GRANT EXECUTE ON FUNCTION doudi.case_transition(bigint, text, integer, uuid, text)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider;
GRANT EXECUTE ON FUNCTION doudi.case_record_survey(bigint, text[], date, text, text, uuid)
  TO doudi_township_reviewer, doudi_city_decider;
GRANT EXECUTE ON FUNCTION doudi.case_add_evidence(bigint, text, text, text, uuid)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider;
GRANT EXECUTE ON FUNCTION doudi.case_propose_amount(bigint, bigint, bigint, text[], text, uuid, text)
  TO doudi_township_reviewer, doudi_city_decider;
GRANT EXECUTE ON FUNCTION doudi.case_confirm_amount(bigint, bigint, text, uuid) TO doudi_city_decider;

----------------------------------------------------------------------------
-- Caps for the demo places, in force from 2026-01-01 like the rest of their
-- parameters. 低保, 特困 and 临时救助 are bounded by their rules' parameters
-- (0008); the other programs' amounts are the departments' to set, so each
-- gets a cap per approval. DEMO VALUES, plausible but invented: a real
-- center sets its own with `doudi-admin param set`.
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT s.program, s.prefix, s.key, s.value, 'fen', DATE '2026-01-01', s.note
FROM (VALUES
  ('near_dibao', '331022', 'one_off_cap', '200000', '演示值：低保边缘家庭一次性生活补助每次不超过2,000元'),
  ('near_dibao', '350582', 'one_off_cap', '200000', '演示值：低保边缘家庭一次性生活补助每次不超过2,000元'),
  ('near_dibao', '500231', 'one_off_cap', '150000', '演示值：低保边缘家庭一次性生活补助每次不超过1,500元'),
  ('medical', '331022', 'one_off_cap', '10000000', '演示值：医疗救助每次不超过10万元（年度救助限额内）'),
  ('medical', '350582', 'one_off_cap', '10000000', '演示值：医疗救助每次不超过10万元（年度救助限额内）'),
  ('medical', '500231', 'one_off_cap', '6000000', '演示值：医疗救助每次不超过6万元（年度救助限额内）'),
  ('education', '331022', 'one_off_cap', '500000', '演示值：教育救助每学年不超过5,000元'),
  ('education', '350582', 'one_off_cap', '500000', '演示值：教育救助每学年不超过5,000元'),
  ('education', '500231', 'one_off_cap', '300000', '演示值：教育救助每学年不超过3,000元'),
  ('housing', '331022', 'one_off_cap', '4000000', '演示值：住房救助（危房改造、兜底翻建）每户不超过4万元'),
  ('housing', '350582', 'one_off_cap', '5000000', '演示值：住房救助（危房改造、兜底翻建）每户不超过5万元'),
  ('housing', '500231', 'one_off_cap', '3000000', '演示值：住房救助（危房改造、兜底翻建）每户不超过3万元'),
  ('employment', '331022', 'one_off_cap', '200000', '演示值：就业救助一次性求职补贴不超过2,000元'),
  ('employment', '350582', 'one_off_cap', '200000', '演示值：就业救助一次性求职补贴不超过2,000元'),
  ('employment', '500231', 'one_off_cap', '150000', '演示值：就业救助一次性求职补贴不超过1,500元'),
  ('disaster', '331022', 'one_off_cap', '2000000', '演示值：受灾人员救助（倒损住房恢复重建）每户不超过2万元'),
  ('disaster', '350582', 'one_off_cap', '2000000', '演示值：受灾人员救助（倒损住房恢复重建）每户不超过2万元'),
  ('disaster', '500231', 'one_off_cap', '1500000', '演示值：受灾人员救助（倒损住房恢复重建）每户不超过1.5万元'),
  ('charity', '331022', 'one_off_cap', '1000000', '演示值：慈善助困金每次不超过1万元（以基金余额为限）'),
  ('charity', '350582', 'one_off_cap', '1000000', '演示值：慈善助困金每次不超过1万元（以基金余额为限）'),
  ('charity', '500231', 'one_off_cap', '800000', '演示值：慈善助困金每次不超过8,000元（以基金余额为限）')
) AS s (program, prefix, key, value, note);

-- How far an exception may go: 低保's row applies to every program without
-- its own. Ten times the cap leaves room for the 一事一议 cases (Dianjiang's
-- 40,000 yuan of temporary aid first, DOMAIN.md) and none for a mistyped or
-- hostile figure.
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT 'dibao', place.prefix, 'cap_exception_percent', '1000', 'percent', DATE '2026-01-01',
       '演示值：超过上限的金额须说明理由并经另一名县（市）级审批人确认，最多为上限的10倍（一事一议）'
FROM (VALUES ('331022'), ('350582'), ('500231')) AS place (prefix);
