-- 0011: the work on a case between its steps, and its clock.
--  * The holiday calendar in the database (loaded per year by
--    `doudi-admin calendar load`), and deadlines counted on it in the units
--    the parameters name: each state's step deadline, the overall limit from
--    acceptance (30 working days, 20 where the township confirms, 45 when
--    extended), the notice's end, the next periodic review.
--  * What a step needs on record (the rule table's `requires`): the home
--    survey by at least two surveyors (by the county for a close relative of
--    staff), evidence (the verification report, the democratic-appraisal
--    record), a proposed amount, a public notice whose days have passed.
--  * Amounts: proposals with their working, the decided benefits in force
--    from the next month, one-off grants, charity funds, monthly payment
--    lines written by finance.
-- Every table is append-only and written only through SECURITY DEFINER
-- functions that check the caller's group and scope; desk roles read in scope.

----------------------------------------------------------------------------
-- The clock. The set-up superuser may set doudi.today (and doudi.act_as, the
-- role a step is recorded for) to build demo histories through the same
-- functions; for everybody else both are ignored, so a desk client cannot
-- backdate anything.
CREATE FUNCTION doudi.clock_date() RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN doudi.session_is_superuser()
              THEN coalesce(nullif(current_setting('doudi.today', true), '')::date, current_date)
              ELSE current_date END
$$;
CREATE FUNCTION doudi.clock_now() RETURNS timestamptz
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN doudi.clock_date() = current_date THEN now()
              ELSE (doudi.clock_date() + localtime)::timestamptz END
$$;
CREATE FUNCTION doudi.acting_user() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN doudi.session_is_superuser()
              THEN coalesce(nullif(current_setting('doudi.act_as', true), ''), session_user::text)
              ELSE session_user::text END
$$;

----------------------------------------------------------------------------
-- The holiday calendar: the years whose State Council notice is loaded, and
-- one row per date that differs from the Monday-to-Friday week.
CREATE TABLE doudi.calendar_year (
  year      integer PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
  source    text NOT NULL CHECK (source <> ''),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  loaded_by text NOT NULL DEFAULT session_user
);
CREATE TABLE doudi.calendar_exception (
  day  date PRIMARY KEY,
  year integer NOT NULL GENERATED ALWAYS AS (extract(year FROM day)::integer) STORED
       REFERENCES doudi.calendar_year (year) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('public_holiday', 'make_up_workday')),
  name text NOT NULL CHECK (name <> ''),
  CHECK (kind <> 'make_up_workday' OR extract(isodow FROM day) IN (6, 7))
);
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.calendar_year REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('year');
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.calendar_year REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('year');
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.calendar_exception REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('day');
GRANT SELECT ON doudi.calendar_year, doudi.calendar_exception TO doudi_user;

-- Replaces a year's exceptions (a corrected notice replaces the year whole).
-- Center administrators and the set-up superuser. Returns the rows loaded.
CREATE FUNCTION doudi.calendar_load_year(p_year integer, p_days date[], p_kinds text[], p_names text[],
                                         p_source text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  loaded integer;
BEGIN
  IF NOT (doudi.session_is_superuser() OR coalesce(doudi.session_group(), '') = 'center_admin') THEN
    RAISE EXCEPTION 'only a center administrator loads the holiday calendar' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF cardinality(p_days) IS DISTINCT FROM cardinality(p_kinds) OR cardinality(p_days) IS DISTINCT FROM cardinality(p_names) THEN
    RAISE EXCEPTION 'days, kinds and names differ in length' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_days) AS d WHERE extract(year FROM d) <> p_year) THEN
    RAISE EXCEPTION 'a date outside % in its notice', p_year USING ERRCODE = 'invalid_parameter_value';
  END IF;
  DELETE FROM doudi.calendar_year WHERE year = p_year;
  INSERT INTO doudi.calendar_year (year, source) VALUES (p_year, p_source);
  INSERT INTO doudi.calendar_exception (day, kind, name)
  SELECT d, k, n FROM unnest(p_days, p_kinds, p_names) AS u (d, k, n);
  GET DIAGNOSTICS loaded = ROW_COUNT;
  RETURN loaded;
END
$$;
GRANT EXECUTE ON FUNCTION doudi.calendar_load_year(integer, date[], text[], text[], text) TO doudi_center_admin;

CREATE FUNCTION doudi.is_working_day(p_day date) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT e.kind = 'make_up_workday' FROM doudi.calendar_exception AS e WHERE e.day = p_day),
                  extract(isodow FROM p_day) < 6)
$$;

-- Whether every year from p_from to p_to has its notice loaded.
CREATE FUNCTION doudi.calendar_covers(p_from date, p_to date) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT EXISTS (
    SELECT 1 FROM generate_series(extract(year FROM least(p_from, p_to))::integer,
                                  extract(year FROM greatest(p_from, p_to))::integer) AS y
    WHERE NOT EXISTS (SELECT 1 FROM doudi.calendar_year AS c WHERE c.year = y))
$$;

-- A deadline p_count units after p_start, as the model's
-- WorkingDayCalendar::Add counts it: the start day does not count; working
-- days skip weekends and holidays and count make-up working days; calendar
-- days and months ignore the calendar (months clamp to a shorter month's
-- end). certain is false when a working-day count crosses a year without a
-- loaded notice (the count then takes weekdays alone for that year).
CREATE FUNCTION doudi.deadline_after(p_start date, p_count integer, p_unit text, OUT due date, OUT certain boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  left_to_count integer := p_count;
BEGIN
  IF p_count < 0 OR p_count > 3660 THEN
    RAISE EXCEPTION 'a deadline of % % is out of range', p_count, p_unit USING ERRCODE = 'invalid_parameter_value';
  END IF;
  certain := true;
  CASE p_unit
    WHEN 'calendar_days' THEN due := p_start + p_count;
    WHEN 'months' THEN due := (p_start + make_interval(months => p_count))::date;
    WHEN 'working_days' THEN
      due := p_start;
      WHILE left_to_count > 0 LOOP
        due := due + 1;
        IF doudi.is_working_day(due) THEN left_to_count := left_to_count - 1; END IF;
      END LOOP;
      -- Only the days after the start up to the deadline matter (none for 0).
      certain := p_count = 0 OR doudi.calendar_covers(p_start + 1, due);
    ELSE RAISE EXCEPTION 'unit % is not a deadline unit', p_unit USING ERRCODE = 'invalid_parameter_value';
  END CASE;
END
$$;

-- Working days after p_from up to and including p_to (0 when p_to <= p_from).
CREATE FUNCTION doudi.working_days_between(p_from date, p_to date) RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT count(*)::integer FROM generate_series(p_from + 1, p_to, interval '1 day') AS d
  WHERE doudi.is_working_day(d::date)
$$;

-- A program's parameter for a region today, falling back to 低保's (the
-- statutory numbers most programs share), as a number; NULL when neither has it.
CREATE FUNCTION doudi.case_parameter(p_program text, p_region text, p_key text, OUT value text, OUT unit text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT v.value, v.unit FROM (
    SELECT v.value, v.unit, 1 AS pick FROM doudi.parameter_value(p_program, p_region, p_key, doudi.clock_date()) AS v
    UNION ALL
    SELECT v.value, v.unit, 2 FROM doudi.parameter_value('dibao', p_region, p_key, doudi.clock_date()) AS v
  ) AS v ORDER BY v.pick LIMIT 1
$$;

-- The deadline the parameter p_key sets from p_start for a case of the
-- program in the region; NULLs when the key is 'none' or not set there.
CREATE FUNCTION doudi.case_deadline(p_program text, p_region text, p_key text, p_start date,
                                    OUT due date, OUT certain boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  certain := true;
  IF p_key IS NULL OR p_key = 'none' THEN RETURN; END IF;
  SELECT * INTO p FROM doudi.case_parameter(p_program, p_region, p_key);
  IF p.value IS NULL THEN RETURN; END IF;
  SELECT d.due, d.certain INTO due, certain FROM doudi.deadline_after(p_start, p.value::integer, p.unit) AS d;
END
$$;

-- How close a deadline is, for the task list: none, on_time, due_soon
-- (today or within the due_soon_days parameter's working days), overdue, or
-- uncertain (counted over a year whose calendar is not loaded).
CREATE FUNCTION doudi.deadline_status(p_due date, p_certain boolean, p_program text, p_region text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN p_due IS NULL THEN 'none'
    WHEN p_due < doudi.clock_date() THEN 'overdue'
    WHEN NOT p_certain THEN 'uncertain'
    -- A cheap bound first: over three weeks away is never due soon.
    WHEN p_due - doudi.clock_date() > 21 THEN 'on_time'
    WHEN doudi.working_days_between(doudi.clock_date(), p_due)
         <= coalesce((SELECT v.value::integer FROM doudi.case_parameter(p_program, p_region, 'due_soon_days') AS v), 0)
      THEN 'due_soon'
    ELSE 'on_time' END
$$;

----------------------------------------------------------------------------
-- The rule table gains what each action needs and which programs it is for;
-- the states gain their deadline parameter. Both are seeded from
-- assets/rules by `db migrate`, after this migration.
ALTER TABLE doudi.case_transition_rule
  ADD COLUMN programs text NOT NULL DEFAULT 'all',
  ADD COLUMN requires text NOT NULL DEFAULT 'none'
    CHECK (requires IN ('none', 'survey', 'verification_report', 'appraisal_record', 'amount', 'notice_ended'));
CREATE TABLE doudi.case_state_rule (
  state        text PRIMARY KEY,
  chinese      text NOT NULL,
  terminal     boolean NOT NULL,
  deadline_key text NOT NULL
);
GRANT SELECT ON doudi.case_state_rule TO doudi_user;

ALTER TABLE doudi.assistance_case
  ADD COLUMN close_relative       boolean NOT NULL DEFAULT false,
  ADD COLUMN close_relative_note  text NOT NULL DEFAULT '',
  ADD COLUMN state_since          date,
  ADD COLUMN accepted_on          date,
  ADD COLUMN limit_extended       boolean NOT NULL DEFAULT false,
  ADD COLUMN step_due             date,
  ADD COLUMN step_due_certain     boolean NOT NULL DEFAULT true,
  ADD COLUMN overall_due          date,
  ADD COLUMN overall_due_certain  boolean NOT NULL DEFAULT true,
  ADD COLUMN notice_start         date,
  ADD COLUMN notice_end           date,
  ADD COLUMN decided_on           date,
  ADD COLUMN benefit_end_month    date,
  ADD COLUMN next_review_on       date,
  ADD CONSTRAINT close_relative_named CHECK (NOT close_relative OR btrim(close_relative_note) <> '');
UPDATE doudi.assistance_case SET state_since = opened_at::date;
ALTER TABLE doudi.assistance_case ALTER COLUMN opened_at SET DEFAULT doudi.clock_now(),
  ALTER COLUMN opened_by SET DEFAULT doudi.acting_user();
ALTER TABLE doudi.case_step ALTER COLUMN acted_at SET DEFAULT doudi.clock_now(),
  ALTER COLUMN actor SET DEFAULT doudi.acting_user();
-- The case functions run as the owner and read the members (household size,
-- who can work).
CREATE POLICY owner_reads ON doudi.person FOR SELECT TO doudi_owner USING (true);
CREATE INDEX assistance_case_review_idx ON doudi.assistance_case (next_review_on) WHERE next_review_on IS NOT NULL;

----------------------------------------------------------------------------
-- What is recorded between the steps. Append-only; the latest row counts.
CREATE TABLE doudi.case_survey (
  id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES doudi.assistance_case (id),
  region_code     text COLLATE "C" NOT NULL,
  surveyors       text[] NOT NULL,
  surveyed_on     date NOT NULL,
  findings        text NOT NULL CHECK (btrim(findings) <> ''),
  members_present text NOT NULL DEFAULT '',
  recorded_by     text NOT NULL DEFAULT doudi.acting_user(),
  recorded_at     timestamptz NOT NULL DEFAULT doudi.clock_now(),
  request_id      uuid NOT NULL UNIQUE
);
CREATE TABLE doudi.case_evidence (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES doudi.assistance_case (id),
  region_code text COLLATE "C" NOT NULL,
  kind        text NOT NULL
              CHECK (kind IN ('verification_report', 'appraisal_record', 'income_proof', 'medical_record', 'other')),
  title       text NOT NULL CHECK (btrim(title) <> ''),
  note        text NOT NULL DEFAULT '',
  added_by    text NOT NULL DEFAULT doudi.acting_user(),
  added_at    timestamptz NOT NULL DEFAULT doudi.clock_now(),
  request_id  uuid NOT NULL UNIQUE
);
-- X: charity funds (money or in kind) that one-off grants draw on.
CREATE TABLE doudi.charity_fund (
  code          text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]+$'),
  name          text NOT NULL CHECK (name <> ''),
  donor         text NOT NULL CHECK (donor <> ''),
  region_prefix text COLLATE "C" NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('money', 'in_kind')),
  amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    text NOT NULL DEFAULT session_user
);
CREATE TABLE doudi.case_amount_proposal (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES doudi.assistance_case (id),
  region_code text COLLATE "C" NOT NULL,
  monthly_fen bigint NOT NULL CHECK (monthly_fen >= 0),
  one_off_fen bigint NOT NULL CHECK (one_off_fen >= 0),
  working     text[] NOT NULL DEFAULT '{}',
  fund_code   text REFERENCES doudi.charity_fund (code),
  proposed_by text NOT NULL DEFAULT doudi.acting_user(),
  proposed_at timestamptz NOT NULL DEFAULT doudi.clock_now(),
  request_id  uuid NOT NULL UNIQUE
);
-- A decided amount, in force from effective_month (the month after the
-- decision); the one-off part is paid in the month of the decision.
CREATE TABLE doudi.case_benefit (
  id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES doudi.assistance_case (id),
  region_code     text COLLATE "C" NOT NULL,
  effective_month date NOT NULL CHECK (extract(day FROM effective_month) = 1),
  decided_on      date NOT NULL,
  monthly_fen     bigint NOT NULL CHECK (monthly_fen >= 0),
  one_off_fen     bigint NOT NULL CHECK (one_off_fen >= 0),
  working         text[] NOT NULL,
  fund_code       text REFERENCES doudi.charity_fund (code),
  proposal_id     bigint NOT NULL REFERENCES doudi.case_amount_proposal (id),
  step_id         bigint NOT NULL REFERENCES doudi.case_step (id)
);
CREATE TABLE doudi.payment_line (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES doudi.assistance_case (id),
  household_id bigint NOT NULL,
  region_code  text COLLATE "C" NOT NULL,
  program      text NOT NULL REFERENCES doudi.program (code),
  month        date NOT NULL CHECK (extract(day FROM month) = 1),
  kind         text NOT NULL CHECK (kind IN ('monthly', 'one_off')),
  amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
  fund_code    text REFERENCES doudi.charity_fund (code),
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text NOT NULL DEFAULT session_user,
  UNIQUE (case_id, month, kind)
);
CREATE INDEX case_survey_case_idx ON doudi.case_survey (case_id);
CREATE INDEX case_evidence_case_idx ON doudi.case_evidence (case_id);
CREATE INDEX case_amount_proposal_case_idx ON doudi.case_amount_proposal (case_id);
CREATE INDEX case_benefit_case_idx ON doudi.case_benefit (case_id, effective_month);
CREATE INDEX payment_line_month_idx ON doudi.payment_line (month, region_code);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_survey', 'case_evidence', 'case_amount_proposal', 'case_benefit', 'payment_line'] LOOP
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
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.charity_fund REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('code');
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.charity_fund
  FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();
ALTER TABLE doudi.charity_fund ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.charity_fund FORCE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON doudi.charity_fund FOR SELECT USING (true);
CREATE POLICY admins_add_in_scope ON doudi.charity_fund FOR INSERT TO doudi_center_admin
  WITH CHECK (rpad(region_prefix, 12, '0') BETWEEN doudi.scope_low() AND doudi.scope_high());
CREATE POLICY owner_all ON doudi.charity_fund TO doudi_owner USING (true) WITH CHECK (true);
GRANT SELECT ON doudi.charity_fund TO doudi_user;
GRANT INSERT (code, name, donor, region_prefix, kind, amount_fen) ON doudi.charity_fund TO doudi_center_admin;

-- What a fund has left: its amount less every grant decided from it.
-- Definer: a fund may serve a wider area than the caller sees.
CREATE FUNCTION doudi.charity_fund_left(p_code text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT f.amount_fen - coalesce((SELECT sum(b.one_off_fen) FROM doudi.case_benefit AS b WHERE b.fund_code = f.code), 0)
  FROM doudi.charity_fund AS f WHERE f.code = p_code
$$;
GRANT EXECUTE ON FUNCTION doudi.charity_fund_left(text) TO doudi_user;

----------------------------------------------------------------------------
-- The case a caller acts on, locked; refuses (42501) one they may not see.
CREATE FUNCTION doudi.case_for_change(p_case_id bigint) RETURNS doudi.assistance_case
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
BEGIN
  SELECT * INTO c FROM doudi.assistance_case AS a WHERE a.id = p_case_id FOR UPDATE;
  IF NOT FOUND OR NOT doudi.caller_may_see(c.household_id, c.region_code) THEN
    RAISE EXCEPTION 'no case % that you may see', p_case_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN c;
END
$$;

-- Refuses (42501) a caller outside the groups (the superuser passes).
CREATE FUNCTION doudi.require_group(p_groups text[], p_what text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT (doudi.session_is_superuser() OR coalesce(doudi.session_group(), '') = ANY (p_groups)) THEN
    RAISE EXCEPTION '% is for: %', p_what, array_to_string(p_groups, ', ') USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;

-- Refuses (22023) unless the case is in one of the states.
CREATE FUNCTION doudi.require_state(c doudi.assistance_case, p_states text[], p_what text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT c.state = ANY (p_states) THEN
    RAISE EXCEPTION '% is not possible while case % is %', p_what, c.id, c.state USING ERRCODE = 'invalid_parameter_value';
  END IF;
END
$$;

-- Opens a case. A close relative of staff or of the village committee is
-- registered separately with a note saying whose relative (the county then
-- surveys). A repeated request id returns the case it opened.
DROP FUNCTION doudi.case_open(bigint, text, uuid);
CREATE FUNCTION doudi.case_open(p_household_id bigint, p_program text, p_request_id uuid,
                                p_close_relative boolean DEFAULT false, p_close_relative_note text DEFAULT '')
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text;
  done bigint;
  new_id bigint;
BEGIN
  SELECT s.case_id INTO done FROM doudi.case_step AS s WHERE s.request_id = p_request_id;
  IF FOUND THEN RETURN done; END IF;
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

-- When was the case last moved (the latest step): what is on record for the
-- next step must be newer.
CREATE FUNCTION doudi.case_last_step_at(p_case_id bigint) RETURNS timestamptz
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT max(s.acted_at) FROM doudi.case_step AS s WHERE s.case_id = p_case_id
$$;

-- Refuses (22023) an action whose requirement is not on record, saying what is missing.
CREATE FUNCTION doudi.case_check_requirement(c doudi.assistance_case, p_requires text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  since timestamptz := doudi.case_last_step_at(c.id);
  missing text;
BEGIN
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
    WHEN 'amount' THEN
      CASE WHEN NOT EXISTS (SELECT 1 FROM doudi.case_amount_proposal AS p WHERE p.case_id = c.id
                            AND p.id > coalesce((SELECT max(b.proposal_id) FROM doudi.case_benefit AS b
                                                 WHERE b.case_id = c.id), 0))
           THEN 'no amount is proposed' END
    WHEN 'notice_ended' THEN
      CASE WHEN c.notice_end IS NULL OR doudi.clock_date() < c.notice_end
           THEN format('the public notice runs until %s', c.notice_end) END
  END;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'case %: %', c.id, missing USING ERRCODE = 'invalid_parameter_value';
  END IF;
END
$$;

-- The overall limit's parameter: 45 when extended, 20 where the township
-- confirms, else 30 (all working days, from acceptance).
CREATE FUNCTION doudi.case_overall_limit_key(c doudi.assistance_case) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN c.limit_extended THEN 'overall_limit_extended'
    WHEN (SELECT v.value FROM doudi.case_parameter(c.program, c.region_code, 'confirmation_level') AS v) = 'township'
      THEN 'overall_limit_delegated'
    ELSE 'overall_limit' END
$$;

-- The review interval: half-yearly where a member of working age can work
-- (income unstable), else yearly.
CREATE FUNCTION doudi.case_review_key(c doudi.assistance_case) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN EXISTS (
    SELECT 1 FROM doudi.person AS p
    WHERE p.household_id = c.household_id AND p.left_on IS NULL AND p.work_ability <> 'none'
      AND p.birth_date > doudi.clock_date() - interval '60 years' AND p.birth_date <= doudi.clock_date() - interval '16 years')
  THEN 'review_interval_unstable' ELSE 'review_interval_stable' END
$$;

-- The decided benefit of an approval or adjustment: the latest proposal,
-- in force from the next month.
CREATE FUNCTION doudi.case_decide_benefit(c doudi.assistance_case, p_step_id bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p doudi.case_amount_proposal;
BEGIN
  SELECT * INTO p FROM doudi.case_amount_proposal AS a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1;
  IF p.fund_code IS NOT NULL AND doudi.charity_fund_left(p.fund_code) < p.one_off_fen THEN
    RAISE EXCEPTION 'fund % has % fen left, less than the grant', p.fund_code, doudi.charity_fund_left(p.fund_code)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO doudi.case_benefit (case_id, region_code, effective_month, decided_on, monthly_fen, one_off_fen,
                                  working, fund_code, proposal_id, step_id)
  VALUES (c.id, c.region_code, (date_trunc('month', doudi.clock_date()) + interval '1 month')::date,
          doudi.clock_date(), p.monthly_fen, p.one_off_fen, p.working, p.fund_code, p.id, p_step_id);
END
$$;

-- What moving into a state does to the case's dates: the state's own
-- deadline, the notice, the overall limit, the decision, reviews, the end.
CREATE FUNCTION doudi.case_after_move(c doudi.assistance_case, p_action text) RETURNS doudi.assistance_case
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  today date := doudi.clock_date();
  d record;
BEGIN
  c.state_since := today;
  SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code,
    (SELECT r.deadline_key FROM doudi.case_state_rule AS r WHERE r.state = c.state), today);
  c.step_due := d.due;
  c.step_due_certain := d.certain;
  IF c.state = 'accepted' AND c.accepted_on IS NULL THEN
    c.accepted_on := today;
  END IF;
  IF c.state = 'in_public_notice' THEN
    c.notice_start := today;
    c.notice_end := d.due;
  END IF;
  IF c.state IN ('decided_approved', 'decided_refused') THEN
    c.decided_on := today;
  END IF;
  IF c.accepted_on IS NOT NULL AND c.decided_on IS NULL THEN
    SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code, doudi.case_overall_limit_key(c), c.accepted_on);
    c.overall_due := d.due;
    c.overall_due_certain := d.certain;
  ELSE
    c.overall_due := NULL;
    c.overall_due_certain := true;
  END IF;
  IF p_action IN ('start_payment', 'maintain') THEN
    SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code, doudi.case_review_key(c), today);
    c.next_review_on := d.due;
  END IF;
  IF c.state = 'terminated' THEN
    c.benefit_end_month := date_trunc('month', today)::date;
    c.next_review_on := NULL;
  END IF;
  RETURN c;
END
$$;

-- Takes action on the case; returns its new version. Refuses (SQLSTATE):
-- 42501 a caller who may not see the case, whose group may not take the
-- action, or who acted at another level of the same case (separation of
-- duties); 40001 a stale version; 22023 an action the case's state or
-- program does not allow, a missing opinion, or a requirement not on
-- record. A repeated request id returns the version it produced.
CREATE OR REPLACE FUNCTION doudi.case_transition(p_case_id bigint, p_action text, p_expected_version integer,
                                                 p_request_id uuid, p_opinion text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  rule doudi.case_transition_rule;
  done integer;
  step_id bigint;
BEGIN
  SELECT s.version INTO done FROM doudi.case_step AS s WHERE s.request_id = p_request_id AND s.case_id = p_case_id;
  IF FOUND THEN RETURN done; END IF;
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

-- Extends the overall limit (45 working days) for a stated reason: an
-- objection during the notice, an applicant living away, a hard survey.
-- City deciders. Recorded as the case's audit trail shows.
CREATE FUNCTION doudi.case_extend_limit(p_case_id bigint, p_reason text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case := doudi.case_for_change(p_case_id);
  d record;
BEGIN
  PERFORM doudi.require_group(ARRAY['city_decider'], 'extending the time limit');
  IF coalesce(btrim(p_reason), '') = '' THEN
    RAISE EXCEPTION 'extending the time limit needs the reason' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF c.accepted_on IS NULL OR c.decided_on IS NOT NULL THEN
    RAISE EXCEPTION 'case % has no running time limit', p_case_id USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF c.limit_extended THEN RETURN; END IF;
  c.limit_extended := true;
  SELECT * INTO d FROM doudi.case_deadline(c.program, c.region_code, doudi.case_overall_limit_key(c), c.accepted_on);
  UPDATE doudi.assistance_case SET limit_extended = true, overall_due = d.due, overall_due_certain = d.certain,
         close_relative_note = close_relative_note  -- unchanged; the audit row carries the reason below
  WHERE id = p_case_id;
  INSERT INTO doudi.case_evidence (case_id, region_code, kind, title, note, request_id)
  VALUES (p_case_id, c.region_code, 'other', '延长办理时限', p_reason, gen_random_uuid());
END
$$;

-- The home survey: at least two different surveyors, a date not in the
-- future, findings. A close relative's case is surveyed by the county.
CREATE FUNCTION doudi.case_record_survey(p_case_id bigint, p_surveyors text[], p_surveyed_on date, p_findings text,
                                         p_members_present text, p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  names text[];
BEGIN
  IF EXISTS (SELECT 1 FROM doudi.case_survey AS s WHERE s.request_id = p_request_id) THEN RETURN; END IF;
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

CREATE FUNCTION doudi.case_add_evidence(p_case_id bigint, p_kind text, p_title text, p_note text, p_request_id uuid)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
BEGIN
  IF EXISTS (SELECT 1 FROM doudi.case_evidence AS e WHERE e.request_id = p_request_id) THEN RETURN; END IF;
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
-- decision, a periodic review). The database bounds it by the rules it can
-- check: a 低保 monthly amount at most the standard × household size, a
-- 临时救助 grant at most the cap, a charity grant from a fund with enough left.
CREATE FUNCTION doudi.case_propose_amount(p_case_id bigint, p_monthly_fen bigint, p_one_off_fen bigint,
                                          p_working text[], p_fund_code text, p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  bound bigint;
  size integer;
BEGIN
  IF EXISTS (SELECT 1 FROM doudi.case_amount_proposal AS p WHERE p.request_id = p_request_id) THEN RETURN; END IF;
  c := doudi.case_for_change(p_case_id);
  PERFORM doudi.require_group(ARRAY['township_reviewer', 'city_decider'], 'proposing an amount');
  PERFORM doudi.require_state(c, ARRAY['helped_first', 'verified', 'village_recommended', 'township_reviewed',
                                       'objected', 'awaiting_decision', 'under_review'], 'an amount');
  IF p_monthly_fen IS NULL OR p_one_off_fen IS NULL OR p_monthly_fen < 0 OR p_one_off_fen < 0
     OR p_monthly_fen + p_one_off_fen = 0 THEN
    RAISE EXCEPTION 'amount: give a monthly amount or a one-off grant above zero' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT count(*) INTO size FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL;
  IF c.program = 'dibao' THEN
    bound := (SELECT v.value::bigint FROM doudi.case_parameter('dibao', c.region_code, 'standard_per_person') AS v) * size;
    IF bound IS NOT NULL AND p_monthly_fen > bound THEN
      RAISE EXCEPTION 'amount: % fen a month is above the standard × % members (% fen)', p_monthly_fen, size, bound
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
  ELSIF c.program = 'temporary' THEN
    bound := (SELECT v.value::bigint FROM doudi.parameter_value('temporary', c.region_code, 'temporary_cap',
                                                                 doudi.clock_date()) AS v);
    IF bound IS NOT NULL AND p_one_off_fen > bound THEN
      RAISE EXCEPTION 'amount: % fen is above the cap of % fen per approval', p_one_off_fen, bound
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END IF;
  IF (c.program = 'charity') <> (p_fund_code IS NOT NULL) THEN
    RAISE EXCEPTION 'fund: a charity grant names its fund, and only a charity grant does'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_fund_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM doudi.charity_fund AS f WHERE f.code = p_fund_code
                                               AND f.region_prefix = left(c.region_code, length(f.region_prefix))) THEN
    RAISE EXCEPTION 'fund: % does not serve region %', p_fund_code, c.region_code USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_fund_code IS NOT NULL AND coalesce(doudi.charity_fund_left(p_fund_code), 0) < p_one_off_fen THEN
    RAISE EXCEPTION 'fund: % has % fen left', p_fund_code, coalesce(doudi.charity_fund_left(p_fund_code), 0)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO doudi.case_amount_proposal (case_id, region_code, monthly_fen, one_off_fen, working, fund_code, request_id)
  VALUES (p_case_id, c.region_code, p_monthly_fen, p_one_off_fen, coalesce(p_working, '{}'), p_fund_code, p_request_id);
END
$$;

----------------------------------------------------------------------------
-- Payments. A case pays from its first benefit's month while it is being
-- paid (or until the month it was terminated), at the benefit in force that
-- month; a one-off grant is paid in the month it was decided, once payment
-- has started.
CREATE FUNCTION doudi.payments_generate(p_month date) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  month_start date := date_trunc('month', p_month)::date;
  written integer;
  more integer;
BEGIN
  PERFORM doudi.require_group(ARRAY['finance_officer', 'center_admin'], 'writing payment lines');
  INSERT INTO doudi.payment_line (case_id, household_id, region_code, program, month, kind, amount_fen)
  SELECT c.id, c.household_id, c.region_code, c.program, month_start, 'monthly', b.monthly_fen
  FROM doudi.assistance_case AS c
  CROSS JOIN LATERAL (SELECT x.monthly_fen FROM doudi.case_benefit AS x
                      WHERE x.case_id = c.id AND x.effective_month <= month_start
                      ORDER BY x.effective_month DESC, x.id DESC LIMIT 1) AS b
  WHERE doudi.caller_may_see(c.household_id, c.region_code)
    AND (c.state IN ('in_payment', 'under_review', 'adjusted', 'gradual_exit')
         OR (c.state = 'terminated' AND c.benefit_end_month >= month_start))
    AND (c.benefit_end_month IS NULL OR c.benefit_end_month >= month_start)
    AND b.monthly_fen > 0
  ON CONFLICT (case_id, month, kind) DO NOTHING;
  GET DIAGNOSTICS written = ROW_COUNT;
  INSERT INTO doudi.payment_line (case_id, household_id, region_code, program, month, kind, amount_fen, fund_code)
  SELECT c.id, c.household_id, c.region_code, c.program, month_start, 'one_off', b.one_off_fen, b.fund_code
  FROM doudi.assistance_case AS c
  JOIN doudi.case_benefit AS b ON b.case_id = c.id
  WHERE doudi.caller_may_see(c.household_id, c.region_code)
    AND c.state IN ('in_payment', 'under_review', 'adjusted', 'gradual_exit', 'terminated')
    AND date_trunc('month', b.decided_on) = month_start AND b.one_off_fen > 0
  ON CONFLICT (case_id, month, kind) DO NOTHING;
  GET DIAGNOSTICS more = ROW_COUNT;
  RETURN written + more;
END
$$;

----------------------------------------------------------------------------
-- Reading. Views run with the caller's rights (RLS applies).

-- Every case in scope with its applicant, village, program and the
-- nearer deadline's status.
CREATE VIEW doudi.case_overview WITH (security_invoker = true) AS
  SELECT c.id, c.household_id, c.region_code, c.program, c.step_order, c.state, c.version,
         c.step_due, c.step_due_certain, c.overall_due, c.overall_due_certain, c.close_relative,
         c.next_review_on, c.opened_at,
         (SELECT p.name FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL
          ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1) AS applicant_name,
         r.name AS region_name, g.chinese AS program_name,
         least(c.step_due, c.overall_due) AS nearest_due,
         doudi.deadline_status(least(c.step_due, c.overall_due),
                               CASE WHEN c.step_due IS NOT NULL AND c.step_due <= coalesce(c.overall_due, c.step_due)
                                    THEN c.step_due_certain ELSE c.overall_due_certain END,
                               c.program, c.region_code) AS deadline_status
  FROM doudi.assistance_case AS c
  JOIN doudi.region AS r ON r.code = c.region_code
  JOIN doudi.program AS g ON g.code = c.program;
GRANT SELECT ON doudi.case_overview TO doudi_user;

-- The cases waiting for the caller: an action of the caller's group is
-- possible (for this program), the caller has not acted at another level
-- of the case, and a case being paid only when its review comes near.
CREATE VIEW doudi.my_case_tasks WITH (security_invoker = true) AS
  SELECT o.* FROM doudi.case_overview AS o
  WHERE EXISTS (SELECT 1 FROM doudi.case_transition_rule AS r
                WHERE r.step_order = o.step_order AND r.from_state = o.state
                  AND r.staff_group = doudi.session_group()
                  AND (r.programs = 'all' OR o.program = ANY (string_to_array(r.programs, '+')))
                  AND NOT EXISTS (SELECT 1 FROM doudi.case_step AS s
                                  WHERE s.case_id = o.id AND s.actor = session_user AND s.level <> r.level
                                    AND s.action <> 'apply'))
    AND (o.state <> 'in_payment'
         OR o.next_review_on <= doudi.clock_date()
            + coalesce((SELECT v.value::integer FROM doudi.case_parameter(o.program, o.region_code,
                                                                         'review_task_lead_days') AS v), 30));
GRANT SELECT ON doudi.my_case_tasks TO doudi_user;

-- The public-notice list: what the village posts (name, household size,
-- amount), nothing else.
CREATE VIEW doudi.public_notice AS
  SELECT o.id AS case_id, o.version, o.region_code, o.region_name, o.applicant_name, o.program, o.program_name,
         o.state, c.notice_start, c.notice_end,
         (SELECT count(*) FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL)::integer
           AS household_size,
         coalesce(a.monthly_fen, 0) AS monthly_fen, coalesce(a.one_off_fen, 0) AS one_off_fen,
         (SELECT count(*) FROM doudi.case_step AS s WHERE s.case_id = c.id AND s.action = 'object')::integer
           AS objections
  FROM doudi.case_overview AS o
  JOIN doudi.assistance_case AS c ON c.id = o.id
  LEFT JOIN LATERAL (SELECT x.monthly_fen, x.one_off_fen FROM doudi.case_amount_proposal AS x
                     WHERE x.case_id = c.id ORDER BY x.id DESC LIMIT 1) AS a ON true
  WHERE c.notice_start IS NOT NULL;
ALTER VIEW doudi.public_notice SET (security_invoker = true);
GRANT SELECT ON doudi.public_notice TO doudi_user;

-- A month's payment roster: masked ID of the household head and masked
-- account, whatever the caller's role.
CREATE VIEW doudi.payment_roster WITH (security_invoker = true) AS
  SELECT l.case_id, l.month, l.kind, l.amount_fen, l.region_code, l.program, g.chinese AS program_name,
         v.name AS village_name, t.name AS township_name, t.code AS township_code,
         hp.name AS applicant_name, hp.id_number_masked, h.bank_account_masked,
         (SELECT count(*) FROM doudi.person AS p WHERE p.household_id = l.household_id AND p.left_on IS NULL)::integer
           AS household_size
  FROM doudi.payment_line AS l
  JOIN doudi.program AS g ON g.code = l.program
  JOIN doudi.region AS v ON v.code = l.region_code
  LEFT JOIN doudi.region AS t ON t.code = rpad(left(l.region_code, 9), 12, '0')
  JOIN doudi.household AS h ON h.id = l.household_id
  LEFT JOIN LATERAL (SELECT p.name, p.id_number_masked FROM doudi.person AS p
                     WHERE p.household_id = l.household_id AND p.left_on IS NULL
                     ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1) AS hp ON true;
GRANT SELECT ON doudi.payment_roster TO doudi_user;

-- A colleague's display name for a case's timeline (app_user shows each
-- user only their own row; a name is all this tells). It runs as the owner,
-- which app_user's forced row-level security lets read names only.
CREATE POLICY owner_reads ON doudi.app_user FOR SELECT TO doudi_owner USING (true);
CREATE FUNCTION doudi.staff_name(p_role text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT u.display_name FROM doudi.app_user AS u WHERE u.role_name = p_role
$$;
GRANT EXECUTE ON FUNCTION doudi.staff_name(text) TO doudi_user;

GRANT EXECUTE ON FUNCTION doudi.clock_date(), doudi.clock_now(), doudi.acting_user(), doudi.is_working_day(date),
  doudi.calendar_covers(date, date), doudi.deadline_after(date, integer, text), doudi.working_days_between(date, date),
  doudi.case_parameter(text, text, text), doudi.case_deadline(text, text, text, date),
  doudi.deadline_status(date, boolean, text, text) TO doudi_user, doudi_owner;
GRANT EXECUTE ON FUNCTION doudi.case_open(bigint, text, uuid, boolean, text),
  doudi.case_record_survey(bigint, text[], date, text, text, uuid),
  doudi.case_add_evidence(bigint, text, text, text, uuid),
  doudi.case_propose_amount(bigint, bigint, bigint, text[], text, uuid)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
GRANT EXECUTE ON FUNCTION doudi.case_extend_limit(bigint, text) TO doudi_city_decider;
GRANT EXECUTE ON FUNCTION doudi.payments_generate(date) TO doudi_finance_officer, doudi_center_admin;

----------------------------------------------------------------------------
-- Parameters the clock needs for the demo places (statutory ones named by
-- their rule; the task-list windows are local choices, demo values).
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT s.program, place.prefix, s.key, s.value, s.unit, DATE '2026-01-01', s.note
FROM (VALUES ('331022'), ('350582'), ('500231')) AS place (prefix)
CROSS JOIN (VALUES
  ('destitute', 'survey_start_deadline', '15', 'working_days', '《特困人员认定办法》：乡镇15个工作日内调查核实'),
  ('dibao', 'due_soon_days', '2', 'working_days', '演示值：到期前2个工作日提示'),
  ('dibao', 'review_task_lead_days', '30', 'calendar_days', '演示值：复核到期前30天列入待办')
) AS s (program, key, value, unit, note);
