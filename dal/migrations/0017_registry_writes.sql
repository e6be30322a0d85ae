-- 0017: what an outside attack as malicious desk users found in the registry,
-- closed (issue 12; docs/security.md lists each finding and its test).
--   A. The registry is written through functions only: desk roles hold no
--      INSERT, UPDATE or DELETE on household, person, income_item, asset or
--      save_request, so they cannot lock those tables against other counties
--      (LOCK TABLE needs UPDATE/DELETE/TRUNCATE for the strong modes), nor
--      write rows that bypass the household's version (a later save from an
--      older copy would delete them silently), nor probe other counties' ID
--      numbers with INSERT ... ON CONFLICT.
--   B. Whether a person is registered outside the caller's scope is asked
--      only by the save and the import, counted against a daily limit that a
--      rollback cannot undo, and logged for auditors.
--   C. Nothing a reader can see completes a masked ID: lists show the birth
--      year, not the birth date (the mask hides exactly the birth date).
--   D. The import's change digest is keyed with a server secret and no
--      longer readable by desk roles (it covered the bank account).
--   E. The log of unmasked viewings is scoped like everything else.
--   F. Advisory locks and large objects are not for desk roles.
--   G. Every Doudi login role has server-side time limits; a watchdog ends
--      the sessions that outlast them.
--   H. Search text is capped at what a name can be.

----------------------------------------------------------------------------
-- Limits that guard the database itself (not rules of assistance, which are
-- program parameters): dated values with units, set by the server's
-- superuser only, so that a center administrator cannot lift them for
-- themselves. The most specific region prefix and then the latest date win,
-- as for program parameters. docs/security.md lists the keys.
CREATE TABLE doudi.security_limit (
  key            text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  region_prefix  text COLLATE "C" NOT NULL DEFAULT ''
                 CHECK (region_prefix ~ '^([0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?)?$'),
  value          bigint NOT NULL CHECK (value >= 0),
  unit           text NOT NULL CHECK (unit IN ('count', 'seconds')),
  effective_from date NOT NULL,
  note           text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text NOT NULL DEFAULT session_user,
  PRIMARY KEY (key, region_prefix, effective_from)
);
INSERT INTO doudi.security_limit (key, value, unit, effective_from, note) VALUES
  ('cross_scope_id_checks_per_day', 2000, 'count', '2020-01-01',
   'ID numbers found registered outside the caller''s scope, per user and day (Asia/Shanghai)'),
  ('login_statement_timeout', 120, 'seconds', '2020-01-01',
   'statement_timeout of every Doudi login role'),
  ('login_lock_timeout', 10, 'seconds', '2020-01-01', 'lock_timeout of every Doudi login role'),
  ('login_idle_in_transaction_timeout', 60, 'seconds', '2020-01-01',
   'idle_in_transaction_session_timeout of every Doudi login role'),
  ('watchdog_idle_in_transaction', 300, 'seconds', '2020-01-01',
   'the watchdog ends a desk session idle in a transaction this long'),
  ('watchdog_running', 1800, 'seconds', '2020-01-01',
   'the watchdog ends a desk session whose statement has run this long');
GRANT SELECT ON doudi.security_limit TO doudi_user;

CREATE FUNCTION doudi.security_limit_value(p_key text, p_region text, p_on date) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT l.value FROM doudi.security_limit AS l
  WHERE l.key = p_key AND l.effective_from <= p_on
    AND l.region_prefix = left(coalesce(p_region, ''), length(l.region_prefix))
  ORDER BY length(l.region_prefix) DESC, l.effective_from DESC
  LIMIT 1
$$;

-- The day a daily limit counts in: China's, whatever TimeZone the session set.
CREATE FUNCTION doudi.limit_day() RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date
$$;

----------------------------------------------------------------------------
-- E. The log of unmasked viewings (and now of questions about persons
-- outside the caller's scope) names the region of what was viewed and the
-- viewer's scope; administrators and auditors read the entries of either
-- side that lies in their own scope.
ALTER TABLE doudi.unmasked_access ADD COLUMN region_code text COLLATE "C";
ALTER TABLE doudi.unmasked_access ADD COLUMN viewer_scope text COLLATE "C";
ALTER TABLE doudi.unmasked_access DROP CONSTRAINT unmasked_access_what_check;
ALTER TABLE doudi.unmasked_access ADD CONSTRAINT unmasked_access_what_check
  CHECK (what IN ('resident_id', 'bank_account', 'cross_scope_id'));
UPDATE doudi.unmasked_access AS a SET region_code = h.region_code FROM doudi.household AS h WHERE h.id = a.household_id;
UPDATE doudi.unmasked_access AS a SET viewer_scope = u.region_scope FROM doudi.app_user AS u WHERE u.role_name = a.viewer;

-- Who, when, where and whose scope are the database's to write.
CREATE FUNCTION doudi.unmasked_access_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.viewer := session_user;
  NEW.viewed_at := now();
  NEW.viewer_scope := doudi.session_scope();
  NEW.region_code := (SELECT h.region_code FROM doudi.household AS h WHERE h.id = NEW.household_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER stamp BEFORE INSERT ON doudi.unmasked_access
  FOR EACH ROW EXECUTE FUNCTION doudi.unmasked_access_stamp();

DROP POLICY admins_read ON doudi.unmasked_access;
CREATE POLICY admins_read ON doudi.unmasked_access FOR SELECT TO doudi_center_admin, doudi_auditor
  USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high()
         OR rpad(viewer_scope, 12, '0') BETWEEN doudi.scope_low() AND doudi.scope_high());
CREATE POLICY owner_writes ON doudi.unmasked_access FOR INSERT TO doudi_owner WITH CHECK (true);

----------------------------------------------------------------------------
-- B. Questions about persons outside the caller's scope.
--
-- Each Doudi user has a counter of such questions. It is a sequence because
-- setval is not undone by a rollback: a caller who asks and then rolls back
-- has still asked. The value is day × 10^9 + the count of that day.
CREATE FUNCTION doudi.cross_scope_counter(p_role text) RETURNS regclass
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  role_oid oid := (SELECT r.oid FROM pg_catalog.pg_roles AS r WHERE r.rolname = p_role);
  name text;
BEGIN
  IF role_oid IS NULL THEN
    RAISE EXCEPTION 'no role %', p_role USING ERRCODE = 'undefined_object';
  END IF;
  name := 'cross_scope_checks_' || role_oid;
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS doudi.%I AS bigint MINVALUE 0 START 0', name);
  RETURN format('doudi.%I', name)::regclass;
END
$$;

-- Charges the caller's counter with p_hits persons found registered outside
-- their scope. Refuses (54000, doudi:registry.cross_scope_limit):
--  * once today's limit is used up, any request that names a person not
--    registered in the caller's scope (p_unknown > 0), before answering it:
--    otherwise a refusal or its absence would itself answer the question;
--  * a request whose hits pass the limit (they are counted all the same).
CREATE FUNCTION doudi.cross_scope_charge(p_hits integer, p_unknown integer) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  counter regclass;
  day_base bigint := (doudi.limit_day() - date '2000-01-01')::bigint * 1000000000;
  last bigint;
  used bigint;
  allowed bigint := coalesce(doudi.security_limit_value('cross_scope_id_checks_per_day', doudi.session_scope(),
                                                        doudi.limit_day()), 0);
BEGIN
  IF doudi.session_is_superuser() OR (coalesce(p_hits, 0) = 0 AND coalesce(p_unknown, 0) = 0) THEN
    RETURN;
  END IF;
  counter := doudi.cross_scope_counter(session_user);
  PERFORM pg_advisory_xact_lock(hashtext('doudi.cross_scope_checks'), hashtext(session_user));
  EXECUTE format('SELECT last_value FROM %s', counter) INTO last;
  used := CASE WHEN last >= day_base THEN last - day_base ELSE 0 END;
  IF used >= allowed AND p_unknown > 0 THEN
    RAISE EXCEPTION 'doudi:registry.cross_scope_limit'
      USING ERRCODE = 'program_limit_exceeded',
            DETAIL = json_build_object('limit', allowed)::text,
            HINT = 'today''s checks of ID numbers outside your scope are used up';
  END IF;
  IF p_hits > 0 THEN
    PERFORM setval(counter, day_base + used + p_hits);
    IF used + p_hits > allowed THEN
      RAISE EXCEPTION 'doudi:registry.cross_scope_limit'
        USING ERRCODE = 'program_limit_exceeded',
              DETAIL = json_build_object('limit', allowed)::text,
              HINT = 'today''s checks of ID numbers outside your scope are used up';
    END IF;
  END IF;
END
$$;

-- Records that the caller was told a person is registered outside their
-- scope: a row for auditors, and a line in the server log, which a
-- rollback does not remove.
CREATE FUNCTION doudi.cross_scope_record(p_household_ids bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF coalesce(cardinality(p_household_ids), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO doudi.unmasked_access (what, household_id)
  SELECT 'cross_scope_id', h FROM unnest(p_household_ids) AS h;
  RAISE LOG 'doudi: % was told that % person(s) are registered outside their scope (households %)',
    session_user, cardinality(p_household_ids), p_household_ids;
END
$$;


-- The old question (every desk role could ask it for any ID) is gone.
DROP FUNCTION doudi.import_registered_members(text[]);

----------------------------------------------------------------------------
-- A. The registry written through functions. The owner writes on the
-- functions' behalf, which check the caller's group and scope themselves.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['household', 'person', 'income_item', 'asset'] LOOP
    EXECUTE format('CREATE POLICY owner_writes ON doudi.%I TO doudi_owner USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;
REVOKE INSERT, UPDATE, DELETE ON doudi.household, doudi.person, doudi.income_item, doudi.asset
  FROM doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
REVOKE INSERT ON doudi.save_request FROM doudi_village_clerk, doudi_township_reviewer, doudi_city_decider,
  doudi_center_admin;

-- The persons among p_id_numbers registered in a household other than
-- p_household_id: in a household the caller may see (the id, to say which)
-- or outside their scope (the id only for the record, never returned to
-- the caller by the functions below). For the owner's functions only.
CREATE FUNCTION doudi.registered_elsewhere(p_id_numbers text[], p_household_id bigint)
RETURNS TABLE (ord bigint, id_number text, household_id bigint, visible boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT q.ord, q.id_number, p.household_id, doudi.caller_may_see(p.household_id, p.region_code)
  FROM unnest(p_id_numbers) WITH ORDINALITY AS q (id_number, ord)
  JOIN doudi.person AS p ON p.id_number = q.id_number AND p.left_on IS NULL
  WHERE q.id_number <> '' AND p.household_id IS DISTINCT FROM p_household_id
$$;

-- Creates (p_household_id NULL) or saves a household with its members,
-- income and assets, in one step; returns its id and new version.
--   Members arrive as parallel arrays: p_member_ids (0 for a new member),
--   ID numbers ('' keeps the stored one: the caller saw it masked), names,
--   relation codes, disability category and grade (0 none), illnesses
--   joined by ';', schooling, employment, work ability. A member no longer
--   given is marked as having left. Income rows name their member by its
--   1-based place in those arrays (0: the household as a whole); income and
--   assets are replaced. p_bank_account NULL keeps the stored account.
-- Refuses (SQLSTATE): 42501 a caller outside the writing groups or a region
-- outside their scope; P0002 a household (or member) they may not change
-- or that is gone, alike; 40001 a stale version; 23505 a member already in
-- another household the caller may see (its id); 54000 the daily limit of
-- persons found outside the caller's scope; 22023 arrays of different
-- lengths or a request id of another household. A member registered
-- outside the caller's scope is not raised but returned in refusal (only
-- that, no household), with nothing saved, so that its record stays. A
-- request id already applied returns what it produced.
CREATE FUNCTION doudi.household_save(
  p_request_id uuid, p_household_id bigint, p_expected_version integer,
  p_region_code text, p_address text, p_phone text, p_housing text, p_bank_name text, p_bank_account text,
  p_registry_status text,
  p_member_ids bigint[], p_member_id_numbers text[], p_member_names text[], p_member_relations text[],
  p_member_disability text[], p_member_grades integer[], p_member_illnesses text[], p_member_schooling text[],
  p_member_employment text[], p_member_work_ability text[],
  p_income_members integer[], p_income_kinds text[], p_income_fen bigint[], p_income_notes text[],
  p_asset_kinds text[], p_asset_descriptions text[], p_asset_fen bigint[],
  OUT saved_household_id bigint, OUT saved_version integer, OUT refusal text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  n integer := coalesce(cardinality(p_member_names), 0);
  done record;
  cur doudi.household;
  hid bigint;
  ver integer;
  pid bigint;
  person_ids bigint[] := '{}';
  seen_ord bigint;
  seen_household bigint;
  hidden bigint[];
  hidden_ord bigint;
  unknown integer;
BEGIN
  SELECT r.household_id, r.version INTO done FROM doudi.save_request AS r WHERE r.request_id = p_request_id;
  IF FOUND THEN
    IF p_household_id IS NOT NULL AND done.household_id <> p_household_id THEN
      RAISE EXCEPTION 'doudi:request.other_record'
        USING ERRCODE = 'invalid_parameter_value', HINT = 'this request id was used to save another household';
    END IF;
    saved_household_id := done.household_id;
    saved_version := done.version;
    RETURN;
  END IF;
  PERFORM doudi.require_group(ARRAY['village_clerk', 'township_reviewer', 'city_decider', 'center_admin'],
                              'saving a household');
  IF NOT doudi.session_is_superuser()
     AND NOT coalesce(p_region_code BETWEEN doudi.scope_low() AND doudi.scope_high(), false) THEN
    RAISE EXCEPTION 'region_code: % is outside your scope', p_region_code USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF n <> coalesce(cardinality(p_member_ids), 0) OR n <> coalesce(cardinality(p_member_id_numbers), 0)
     OR n <> coalesce(cardinality(p_member_relations), 0) OR n <> coalesce(cardinality(p_member_disability), 0)
     OR n <> coalesce(cardinality(p_member_grades), 0) OR n <> coalesce(cardinality(p_member_illnesses), 0)
     OR n <> coalesce(cardinality(p_member_schooling), 0) OR n <> coalesce(cardinality(p_member_employment), 0)
     OR n <> coalesce(cardinality(p_member_work_ability), 0)
     OR coalesce(cardinality(p_income_members), 0) <> coalesce(cardinality(p_income_kinds), 0)
     OR coalesce(cardinality(p_income_members), 0) <> coalesce(cardinality(p_income_fen), 0)
     OR coalesce(cardinality(p_income_members), 0) <> coalesce(cardinality(p_income_notes), 0)
     OR coalesce(cardinality(p_asset_kinds), 0) <> coalesce(cardinality(p_asset_descriptions), 0)
     OR coalesce(cardinality(p_asset_kinds), 0) <> coalesce(cardinality(p_asset_fen), 0) THEN
    RAISE EXCEPTION 'the member, income and asset lists must each give every column for every row'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  IF p_household_id IS NOT NULL THEN
    SELECT * INTO cur FROM doudi.household AS h WHERE h.id = p_household_id FOR UPDATE;
    IF NOT FOUND OR NOT doudi.caller_may_see(cur.id, cur.region_code) THEN
      RAISE EXCEPTION 'household % no longer exists or is not yours to change', p_household_id
        USING ERRCODE = 'no_data_found';
    END IF;
    IF cur.version <> p_expected_version THEN
      RAISE EXCEPTION 'household % was changed by someone else (version %, this edit started from version %)',
        p_household_id, cur.version, p_expected_version USING ERRCODE = 'serialization_failure';
    END IF;
  END IF;

  -- Members registered elsewhere are refused before anything is written
  -- (one look at the registry serves every answer below).
  SELECT (array_agg(o.ord ORDER BY o.ord) FILTER (WHERE o.visible))[1],
         (array_agg(o.household_id ORDER BY o.ord) FILTER (WHERE o.visible))[1],
         array_agg(o.household_id ORDER BY o.ord) FILTER (WHERE NOT o.visible),
         min(o.ord) FILTER (WHERE NOT o.visible)
  INTO seen_ord, seen_household, hidden, hidden_ord
  FROM doudi.registered_elsewhere(p_member_id_numbers, p_household_id) AS o;
  IF seen_ord IS NOT NULL THEN
    RAISE EXCEPTION 'members[%].id_number: this person is already a member of household %', seen_ord,
      seen_household USING ERRCODE = 'unique_violation';
  END IF;
  SELECT count(*) INTO unknown FROM unnest(p_member_id_numbers) AS q (id_number)
  WHERE q.id_number <> '' AND NOT EXISTS (
    SELECT 1 FROM doudi.person AS p WHERE p.id_number = q.id_number AND p.left_on IS NULL
      AND doudi.caller_may_see(p.household_id, p.region_code));
  PERFORM doudi.cross_scope_charge(coalesce(cardinality(hidden), 0), unknown);
  IF hidden IS NOT NULL THEN
    -- Said as a refusal, not raised: the record of the question stays when
    -- the caller commits, as the workstation does.
    PERFORM doudi.cross_scope_record(hidden);
    refusal := format('members[%s].id_number: this person is already registered in a household outside your scope',
                      hidden_ord);
    RETURN;
  END IF;

  IF p_household_id IS NULL THEN
    INSERT INTO doudi.household (region_code, address, phone, housing, bank_name, bank_account, registry_status)
    VALUES (p_region_code, p_address, NULLIF(p_phone, ''), p_housing, NULLIF(p_bank_name, ''),
            NULLIF(p_bank_account, ''), p_registry_status)
    RETURNING id, version INTO hid, ver;
  ELSE
    UPDATE doudi.household AS h
    SET region_code = p_region_code, address = p_address, phone = NULLIF(p_phone, ''), housing = p_housing,
        bank_name = NULLIF(p_bank_name, ''), registry_status = p_registry_status,
        bank_account = CASE WHEN p_bank_account IS NULL THEN h.bank_account ELSE NULLIF(p_bank_account, '') END
    WHERE h.id = p_household_id
    RETURNING h.id, h.version INTO hid, ver;
  END IF;

  FOR i IN 1 .. n LOOP
    IF coalesce(p_member_ids[i], 0) > 0 THEN
      UPDATE doudi.person AS p
      SET position = i - 1, name = p_member_names[i], relation = p_member_relations[i],
          disability_category = p_member_disability[i], disability_grade = NULLIF(p_member_grades[i], 0),
          illnesses = string_to_array(p_member_illnesses[i], ';'), schooling = p_member_schooling[i],
          employment = p_member_employment[i], work_ability = p_member_work_ability[i],
          id_number = coalesce(NULLIF(p_member_id_numbers[i], ''), p.id_number)
      WHERE p.id = p_member_ids[i] AND p.household_id = hid AND p.left_on IS NULL
      RETURNING p.id INTO pid;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'member % is no longer in the household', p_member_ids[i] USING ERRCODE = 'no_data_found';
      END IF;
    ELSE
      INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation,
                                disability_category, disability_grade, illnesses, schooling, employment, work_ability)
      VALUES (hid, p_region_code, i - 1, p_member_id_numbers[i], p_member_names[i], p_member_relations[i],
              p_member_disability[i], NULLIF(p_member_grades[i], 0), string_to_array(p_member_illnesses[i], ';'),
              p_member_schooling[i], p_member_employment[i], p_member_work_ability[i])
      RETURNING id INTO pid;
    END IF;
    person_ids := person_ids || pid;
  END LOOP;
  UPDATE doudi.person AS p SET left_on = current_date
  WHERE p.household_id = hid AND p.left_on IS NULL AND NOT (p.id = ANY (person_ids));

  DELETE FROM doudi.income_item AS x WHERE x.household_id = hid;
  INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen, note)
  SELECT hid, p_region_code, CASE WHEN m.member > 0 THEN person_ids[m.member] END, m.kind, m.fen, coalesce(m.note, '')
  FROM unnest(p_income_members, p_income_kinds, p_income_fen, p_income_notes) AS m (member, kind, fen, note);
  DELETE FROM doudi.asset AS x WHERE x.household_id = hid;
  INSERT INTO doudi.asset (household_id, region_code, kind, description, value_fen)
  SELECT hid, p_region_code, a.kind, coalesce(a.description, ''), a.fen
  FROM unnest(p_asset_kinds, p_asset_descriptions, p_asset_fen) AS a (kind, description, fen);

  IF p_request_id IS NOT NULL THEN
    INSERT INTO doudi.save_request (request_id, household_id, version) VALUES (p_request_id, hid, ver);
  END IF;
  saved_household_id := hid;
  saved_version := ver;
END
$$;

----------------------------------------------------------------------------
-- The bulk import. The caller checks its rows (the model's rules and the
-- file's rows against each other) in its own temporary tables, then stages
-- the rows of the households it would import in doudi.import_stage (INSERT
-- only: it can neither read nor change what anyone staged) and calls
-- doudi.household_import_apply, which checks them again against the
-- registry and the caller's scope and merges them as the owner.
CREATE UNLOGGED TABLE doudi.import_stage (
  batch               uuid NOT NULL,
  staged_by           text NOT NULL DEFAULT session_user,
  line                bigint NOT NULL,
  position            smallint NOT NULL,
  household_ref       text COLLATE "C" NOT NULL,
  region_code         text COLLATE "C" NOT NULL,
  address             text NOT NULL,
  name                text COLLATE "C" NOT NULL,
  id_number           text COLLATE "C" NOT NULL,
  relation            text NOT NULL,
  income_fen          bigint NOT NULL,
  phone               text NOT NULL,
  registry_status     text NOT NULL,
  housing             text NOT NULL,
  bank_name           text NOT NULL,
  bank_account        text NOT NULL,
  disability_category text NOT NULL,
  disability_grade    text NOT NULL,
  illness             text NOT NULL,
  schooling           text NOT NULL,
  employment          text NOT NULL,
  work_ability        text NOT NULL,
  relation_term       text
);
CREATE INDEX import_stage_batch_idx ON doudi.import_stage (batch);
CREATE FUNCTION doudi.import_stage_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.staged_by := session_user;
  RETURN NEW;
END
$$;
CREATE TRIGGER stamp BEFORE INSERT ON doudi.import_stage FOR EACH ROW EXECUTE FUNCTION doudi.import_stage_stamp();
GRANT INSERT ON doudi.import_stage TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider,
  doudi_center_admin;
GRANT EXECUTE ON FUNCTION doudi.import_stage_stamp() TO doudi_village_clerk, doudi_township_reviewer,
  doudi_city_decider, doudi_center_admin;

-- D. The secret that keys the import's change digest. Nobody but its owner
-- reads it; the digest of a household's imported content is then useless
-- for guessing the bank account it covers.
CREATE TABLE doudi.server_secret (
  name  text PRIMARY KEY,
  value bytea NOT NULL CHECK (length(value) >= 32)
);
INSERT INTO doudi.server_secret (name, value)
VALUES ('import_digest', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

CREATE FUNCTION doudi.keyed_digest(p_text text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT encode(sha256(s.value || convert_to(p_text, 'UTF8')), 'hex')
  FROM doudi.server_secret AS s WHERE s.name = 'import_digest'
$$;
-- Digests made before: the same content, keyed (so a re-import of an
-- unchanged file still changes nothing).
UPDATE doudi.household SET import_hash = doudi.keyed_digest(import_hash) WHERE import_hash IS NOT NULL;
REVOKE SELECT (import_hash) ON doudi.household FROM doudi_user;

-- Checks the rows the caller staged under p_batch, and unless p_dry_run
-- merges the households without a problem. Returns one row per problem
-- (kind 'problem': line, column, code, message: the English template, then
-- each of its values, separated by U+001F, as the caller's own checks
-- write them for translation) and one per household it
-- accepted (kind 'household': household_ref, code = new | updated |
-- unchanged). A household with any problem is not imported; its other
-- rows say so. Refuses (54000) past the daily limit of persons found
-- outside the caller's scope.
CREATE FUNCTION doudi.household_import_apply(p_batch uuid, p_source text, p_dry_run boolean)
RETURNS TABLE (kind text, household_ref text, line bigint, column_name text, code text, message text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  hidden bigint[];
  unknown integer;
BEGIN
  PERFORM doudi.require_group(ARRAY['village_clerk', 'township_reviewer', 'city_decider', 'center_admin'],
                              'importing households');
  -- The owner's own working tables: a table of the caller's by one of these
  -- names is not the owner's to drop, and the import stops there.
  DROP TABLE IF EXISTS pg_temp.doudi_import_row, pg_temp.doudi_import_problem, pg_temp.doudi_import_head,
    pg_temp.doudi_import_household;
  CREATE TEMP TABLE doudi_import_row ON COMMIT DROP AS
    SELECT s.line, s.position, s.household_ref, s.region_code, s.address, s.name, s.id_number, s.relation,
           s.income_fen, s.phone, s.registry_status, s.housing, s.bank_name, s.bank_account,
           s.disability_category, s.disability_grade, s.illness, s.schooling, s.employment, s.work_ability,
           s.relation_term
    FROM doudi.import_stage AS s WHERE s.batch = p_batch AND s.staged_by = session_user;
  DELETE FROM doudi.import_stage AS s WHERE s.batch = p_batch AND s.staged_by = session_user;
  ANALYZE pg_temp.doudi_import_row;
  CREATE TEMP TABLE doudi_import_problem (line bigint, column_name text, code text, message text) ON COMMIT DROP;
  CREATE TEMP TABLE doudi_import_head ON COMMIT DROP AS
    SELECT DISTINCT ON (r.household_ref) r.* FROM pg_temp.doudi_import_row AS r
    WHERE r.relation = 'head' ORDER BY r.household_ref, r.line;

  -- Again, whatever the caller checked: every household in the caller's
  -- scope (its head's row gives the household's fields), and with its head.
  IF NOT doudi.session_is_superuser() THEN
    INSERT INTO pg_temp.doudi_import_problem
    SELECT h.line, 'region_code', 'region_code.outside_scope',
           'region code {1} is outside your scope' || E'\x1f' || h.region_code
    FROM pg_temp.doudi_import_head AS h
    WHERE NOT (h.region_code BETWEEN doudi.scope_low() AND doudi.scope_high());
  END IF;
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'relation', 'household.no_head',
         'household {1} has no row whose relation is head (户主)' || E'\x1f' || r.household_ref
  FROM pg_temp.doudi_import_row AS r
  WHERE NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_head AS h WHERE h.household_ref = r.household_ref);

  -- A household of this source and reference that the caller may not see.
  INSERT INTO pg_temp.doudi_import_problem
  SELECT h.line, 'household_ref', 'household_ref.outside_scope',
         'household {1} of this source is registered outside your scope' || E'\x1f' || h.household_ref
  FROM pg_temp.doudi_import_head AS h
  JOIN doudi.household AS e ON e.source = p_source AND e.source_ref = h.household_ref
  WHERE NOT doudi.caller_may_see(e.id, e.region_code);

  -- Persons already in another household: which one where the caller may
  -- see it (a re-import of the same household is no problem); only "outside
  -- your scope" otherwise, counted and recorded.
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'id_number', 'id_number.in_other_household',
         'this person is already a member of household {1}' || E'\x1f' || e.id
  FROM pg_temp.doudi_import_row AS r
  JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
  JOIN doudi.household AS e ON e.id = p.household_id
  WHERE doudi.caller_may_see(e.id, e.region_code)
    AND (e.source IS DISTINCT FROM p_source OR e.source_ref IS DISTINCT FROM r.household_ref);
  SELECT array_agg(p.household_id ORDER BY r.line) INTO hidden
  FROM pg_temp.doudi_import_row AS r
  JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
  WHERE NOT doudi.caller_may_see(p.household_id, p.region_code);
  SELECT count(*) INTO unknown FROM pg_temp.doudi_import_row AS r
  WHERE NOT EXISTS (SELECT 1 FROM doudi.person AS p WHERE p.id_number = r.id_number AND p.left_on IS NULL
                      AND doudi.caller_may_see(p.household_id, p.region_code));
  PERFORM doudi.cross_scope_charge(coalesce(cardinality(hidden), 0), unknown);
  PERFORM doudi.cross_scope_record(hidden);
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'id_number', 'id_number.in_other_household',
         'this person is already a member of a household outside your scope'
  FROM pg_temp.doudi_import_row AS r
  JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
  WHERE NOT doudi.caller_may_see(p.household_id, p.region_code);

  -- A household with any problem is rejected whole; its other rows say so.
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'household_ref', 'household.rejected',
         'household {1} is not imported because of the problem on line {2}' || E'\x1f' || r.household_ref
         || E'\x1f' || x.first_line
  FROM pg_temp.doudi_import_row AS r
  JOIN (SELECT r2.household_ref, min(p.line) AS first_line
        FROM pg_temp.doudi_import_problem AS p JOIN pg_temp.doudi_import_row AS r2 ON r2.line = p.line
        GROUP BY r2.household_ref) AS x ON x.household_ref = r.household_ref
  WHERE NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_problem AS p WHERE p.line = r.line);

  -- The accepted households, each with the keyed digest of its content
  -- (household fields from the head's row, members in ID order).
  CREATE TEMP TABLE doudi_import_household ON COMMIT DROP AS
  WITH digest AS (
    SELECT r.household_ref,
           string_agg(concat_ws(E'\x1f', r.id_number, r.name, r.relation, r.income_fen, r.disability_category,
                                r.disability_grade, r.illness, r.schooling, r.employment, r.work_ability,
                                r.relation_term),
                      E'\x1e' ORDER BY r.id_number) AS members
    FROM pg_temp.doudi_import_row AS r GROUP BY r.household_ref),
  content AS (
    SELECT h.household_ref,
           doudi.keyed_digest(md5(concat_ws(E'\x1d', h.region_code, h.address, h.phone, h.registry_status, h.housing,
                                            h.bank_name, h.bank_account, d.members))) AS content_hash
    FROM digest AS d JOIN pg_temp.doudi_import_head AS h ON h.household_ref = d.household_ref)
  SELECT h.household_ref, h.region_code, h.address, h.phone, h.registry_status, h.housing, h.bank_name,
         h.bank_account, c.content_hash, e.id AS existing_id,
         CASE WHEN e.id IS NULL THEN 'new' WHEN e.import_hash = c.content_hash THEN 'unchanged'
              ELSE 'updated' END AS state,
         NULL::bigint AS household_id
  FROM pg_temp.doudi_import_head AS h
  JOIN content AS c ON c.household_ref = h.household_ref
  LEFT JOIN doudi.household AS e ON e.source = p_source AND e.source_ref = h.household_ref
  WHERE NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_problem AS p JOIN pg_temp.doudi_import_row AS r2
                    ON r2.line = p.line WHERE r2.household_ref = h.household_ref);

  IF NOT p_dry_run THEN
    UPDATE pg_temp.doudi_import_household SET household_id = CASE WHEN state = 'new'
      THEN nextval(pg_get_serial_sequence('doudi.household', 'id')) ELSE existing_id END;
    ANALYZE pg_temp.doudi_import_household;

    UPDATE doudi.household AS e
    SET region_code = i.region_code, address = i.address, phone = NULLIF(i.phone, ''),
        housing = coalesce(NULLIF(i.housing, ''), 'owned'), bank_name = NULLIF(i.bank_name, ''),
        bank_account = NULLIF(i.bank_account, ''), registry_status = coalesce(NULLIF(i.registry_status, ''), 'none'),
        import_hash = i.content_hash
    FROM pg_temp.doudi_import_household AS i WHERE i.state = 'updated' AND e.id = i.household_id;

    INSERT INTO doudi.household (id, region_code, address, phone, housing, bank_name, bank_account,
                                 registry_status, source, source_ref, import_hash)
    SELECT i.household_id, i.region_code, i.address, NULLIF(i.phone, ''), coalesce(NULLIF(i.housing, ''), 'owned'),
           NULLIF(i.bank_name, ''), NULLIF(i.bank_account, ''), coalesce(NULLIF(i.registry_status, ''), 'none'),
           p_source, i.household_ref, i.content_hash
    FROM pg_temp.doudi_import_household AS i WHERE i.state = 'new';

    UPDATE doudi.person AS p SET left_on = current_date
    FROM pg_temp.doudi_import_household AS i
    WHERE i.state = 'updated' AND p.household_id = i.household_id AND p.left_on IS NULL
      AND NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_row AS r
                      WHERE r.household_ref = i.household_ref AND r.id_number = p.id_number);

    UPDATE doudi.person AS p
    SET position = r.position, name = r.name, relation = r.relation, relation_term = NULLIF(r.relation_term, ''),
        disability_category = coalesce(NULLIF(r.disability_category, ''), 'none'),
        disability_grade = NULLIF(r.disability_grade, '')::smallint,
        illnesses = string_to_array(r.illness, ';'), schooling = coalesce(NULLIF(r.schooling, ''), 'none'),
        employment = coalesce(NULLIF(r.employment, ''), 'none'),
        work_ability = coalesce(NULLIF(r.work_ability, ''), 'full')
    FROM pg_temp.doudi_import_row AS r JOIN pg_temp.doudi_import_household AS i ON i.household_ref = r.household_ref
    WHERE i.state = 'updated' AND p.household_id = i.household_id AND p.id_number = r.id_number
      AND p.left_on IS NULL;

    INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation, relation_term,
                              disability_category, disability_grade, illnesses, schooling, employment, work_ability)
    SELECT i.household_id, i.region_code, r.position, r.id_number, r.name, r.relation, NULLIF(r.relation_term, ''),
           coalesce(NULLIF(r.disability_category, ''), 'none'), NULLIF(r.disability_grade, '')::smallint,
           string_to_array(r.illness, ';'), coalesce(NULLIF(r.schooling, ''), 'none'),
           coalesce(NULLIF(r.employment, ''), 'none'), coalesce(NULLIF(r.work_ability, ''), 'full')
    FROM pg_temp.doudi_import_row AS r JOIN pg_temp.doudi_import_household AS i ON i.household_ref = r.household_ref
    WHERE i.state = 'new'
       OR (i.state = 'updated' AND NOT EXISTS (
             SELECT 1 FROM doudi.person AS p
             WHERE p.household_id = i.household_id AND p.id_number = r.id_number AND p.left_on IS NULL));

    DELETE FROM doudi.income_item AS x USING pg_temp.doudi_import_household AS i
    WHERE i.state = 'updated' AND x.household_id = i.household_id AND x.kind = 'declared';

    INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen)
    SELECT i.household_id, i.region_code, p.id, 'declared', r.income_fen
    FROM pg_temp.doudi_import_row AS r JOIN pg_temp.doudi_import_household AS i ON i.household_ref = r.household_ref
    JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
    WHERE i.state IN ('new', 'updated') AND r.income_fen > 0;
  END IF;

  RETURN QUERY
    SELECT 'problem'::text, NULL::text, p.line, p.column_name, p.code, p.message FROM pg_temp.doudi_import_problem AS p
    UNION ALL
    SELECT 'household'::text, i.household_ref::text, NULL::bigint, NULL::text, i.state, NULL::text
    FROM pg_temp.doudi_import_household AS i;
END
$$;

----------------------------------------------------------------------------
-- C. Lists show the birth year: with the birth date, the mask (6 + 8 * + 4,
-- which hides exactly the birth date) would be completed by what every
-- reader sees. The full date comes with the full ID, through
-- household_member_ids, which records the viewing.
REVOKE SELECT (birth_date) ON doudi.person FROM doudi_user;
DROP FUNCTION doudi.registry_rows(bigint[]);
DROP FUNCTION doudi.registry_search(text, text, text, text, text, text, text, integer, bigint);

-- H. Search text no longer than a name (50 characters) or a pattern made of
-- one; name grams grow with the square of the length.
CREATE FUNCTION doudi.search_text_check(p_text text, p_pattern text, p_text_high text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF char_length(coalesce(p_text, '')) > 50 OR char_length(coalesce(p_pattern, '')) > 110
     OR char_length(coalesce(p_text_high, '')) > 51 THEN
    RAISE EXCEPTION 'doudi:search.too_long'
      USING ERRCODE = 'string_data_right_truncation', DETAIL = json_build_object('limit', 50)::text,
            HINT = 'search text is at most 50 characters, the longest name';
  END IF;
END
$$;

CREATE FUNCTION doudi.registry_search(p_kind text, p_text text, p_pattern text, p_text_high text,
                                      p_region_low text, p_region_high text, p_status text,
                                      p_limit integer, p_offset bigint)
RETURNS TABLE (person_id bigint, household_id bigint, name text, id_number_masked text, sex text,
               birth_year integer, relation text, region_code text, region_name text, address text,
               registry_status text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  from_where text := doudi.registry_search_from(p_kind, p_region_low <> '', p_status <> '');
  order_by text := CASE WHEN p_kind = 'id_prefix' THEN ' ORDER BY p.id_number' ELSE ' ORDER BY p.name, p.region_code, p.id' END;
BEGIN
  PERFORM doudi.search_text_check(p_text, p_pattern, p_text_high);
  RETURN QUERY EXECUTE
    'SELECT p.id, p.household_id, p.name, p.id_number_masked, p.sex, extract(year FROM p.birth_date)::integer, '
    'p.relation, h.region_code, g.name, h.address, h.registry_status FROM (SELECT p.id' || from_where || order_by ||
    ' LIMIT $10 OFFSET $11) AS page JOIN doudi.person AS p ON p.id = page.id '
    'JOIN doudi.household AS h ON h.id = p.household_id JOIN doudi.region AS g ON g.code = h.region_code' ||
    order_by
  USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
        doudi.scope_high(), doudi.session_department(), least(greatest(p_limit, 0), 1000), greatest(p_offset, 0);
END
$$;

CREATE OR REPLACE FUNCTION doudi.registry_search_ids(p_kind text, p_text text, p_pattern text, p_text_high text,
                                          p_region_low text, p_region_high text, p_status text)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  from_where text := doudi.registry_search_from(p_kind, p_region_low <> '', p_status <> '');
  order_by text := CASE WHEN p_kind = 'id_prefix' THEN ' ORDER BY p.id_number' ELSE ' ORDER BY p.name, p.region_code, p.id' END;
BEGIN
  PERFORM doudi.search_text_check(p_text, p_pattern, p_text_high);
  RETURN QUERY EXECUTE 'SELECT p.id' || from_where || order_by
  USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
        doudi.scope_high(), doudi.session_department();
END
$$;

CREATE OR REPLACE FUNCTION doudi.registry_count(p_exact boolean, p_kind text, p_text text, p_pattern text,
                                                p_text_high text, p_region_low text, p_region_high text,
                                                p_status text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  from_where text := doudi.registry_search_from(p_kind, p_region_low <> '', p_status <> '');
  result bigint;
  plan json;
BEGIN
  PERFORM doudi.search_text_check(p_text, p_pattern, p_text_high);
  IF p_exact THEN
    EXECUTE 'SELECT count(*)' || from_where INTO result
      USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
            doudi.scope_high(), doudi.session_department();
    RETURN result;
  END IF;
  EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1' || from_where INTO plan
    USING p_text, p_pattern, p_text_high, p_region_low, p_region_high, p_status, doudi.scope_low(),
          doudi.scope_high(), doudi.session_department();
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
END
$$;

CREATE FUNCTION doudi.registry_rows(p_ids bigint[])
RETURNS TABLE (person_id bigint, household_id bigint, name text, id_number_masked text, sex text,
               birth_year integer, relation text, region_code text, region_name text, address text,
               registry_status text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.id, p.household_id, p.name, p.id_number_masked, p.sex, extract(year FROM p.birth_date)::integer,
         p.relation, h.region_code, g.name, h.address, h.registry_status
  FROM doudi.person AS p JOIN doudi.household AS h ON h.id = p.household_id
  JOIN doudi.region AS g ON g.code = h.region_code
  WHERE p.id = ANY (p_ids) AND p.left_on IS NULL AND doudi.caller_may_see(p.household_id, p.region_code)
$$;

-- The audit trail's row images: masked IDs and accounts, the birth year
-- instead of the date, and no import digest.
CREATE OR REPLACE FUNCTION doudi.audit_mask(j jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN j IS NULL THEN NULL ELSE
    (j - 'birth_date' - 'import_hash')
      || CASE WHEN j ? 'id_number' THEN jsonb_build_object('id_number', doudi.mask_resident_id(j ->> 'id_number'))
              ELSE '{}'::jsonb END
      || CASE WHEN j ? 'bank_account' AND j ->> 'bank_account' IS NOT NULL
              THEN jsonb_build_object('bank_account', doudi.mask_bank_account(j ->> 'bank_account'))
              ELSE '{}'::jsonb END
      || CASE WHEN j ? 'birth_date' AND j ->> 'birth_date' IS NOT NULL
              THEN jsonb_build_object('birth_year', left(j ->> 'birth_date', 4)::integer)
              ELSE '{}'::jsonb END
  END
$$;

----------------------------------------------------------------------------
-- F. Advisory locks and large objects: any role could hold the audit
-- seal's lock for ever or fill the disk with lo_create/lowrite. In this
-- database only the owner's functions (and the superuser) take locks.
DO $$
DECLARE
  f text;
BEGIN
  FOR f IN SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc AS p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND (p.proname LIKE 'pg\_advisory\_%' OR p.proname LIKE 'pg\_try\_advisory\_%'
                  OR p.proname IN ('lo_create', 'lo_creat', 'lo_from_bytea', 'lo_import', 'lo_put', 'lowrite',
                                   'lo_truncate', 'lo_truncate64', 'lo_unlink', 'lo_open'))
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    IF f LIKE '%advisory%' THEN
      EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO doudi_owner', f);
    END IF;
  END LOOP;
END
$$;
-- The parameters' unit check takes its lock as the owner.
ALTER FUNCTION doudi.program_parameter_same_unit() SECURITY DEFINER;

----------------------------------------------------------------------------
-- G. Time limits of every Doudi login role, from doudi.security_limit,
-- in this database. They guard against accidents (a user may SET them
-- away); doudi.watchdog_sweep guards against an insider.
CREATE FUNCTION doudi.login_role_limits(p_role text) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  setting record;
BEGIN
  FOR setting IN SELECT * FROM (VALUES ('statement_timeout', 'login_statement_timeout'),
                                       ('lock_timeout', 'login_lock_timeout'),
                                       ('idle_in_transaction_session_timeout', 'login_idle_in_transaction_timeout'))
                             AS s (name, key) LOOP
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET %s = %L', p_role, current_database(), setting.name,
                   doudi.security_limit_value(setting.key, '', current_date) || 's');
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION doudi.user_add(p_role text, p_display_name text, p_group text, p_scope text,
                                          p_department text, p_verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.user_assert_may_manage(p_scope);
  PERFORM doudi.user_check_verifier(p_verifier);
  IF p_role !~ '^[a-z][a-z0-9_]{2,62}$' OR p_role LIKE 'doudi%' OR p_role LIKE 'pg\_%' OR p_role = 'postgres' THEN
    RAISE EXCEPTION 'user name % must be 3-63 lower-case letters, digits or _, starting with a letter, '
                    'and not a reserved name', p_role USING ERRCODE = 'invalid_name';
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_role) THEN
    RAISE EXCEPTION 'a database role named % already exists', p_role USING ERRCODE = 'duplicate_object';
  END IF;
  -- The row first: its CHECKs refuse an unknown group or a malformed scope
  -- before any role is created.
  INSERT INTO doudi.app_user (role_name, display_name, group_role, region_scope, department)
  VALUES (p_role, p_display_name, p_group, p_scope, NULLIF(p_department, ''));
  EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                 'PASSWORD %L IN ROLE %I', p_role, p_verifier, 'doudi_' || p_group);
  PERFORM doudi.login_role_limits(p_role);
  PERFORM doudi.cross_scope_counter(p_role);
END
$$;

-- The watchdog: ends the sessions of Doudi's desk roles in this database
-- that are idle in a transaction, or whose statement has been running,
-- past the limits in doudi.security_limit; returns what it ended. Run by
-- `doudi-admin watchdog` (a center's server, every minute). It runs as
-- doudi_watchdog, which may signal other roles' backends and read their
-- activity, and nothing else.
-- Roles belong to the whole cluster: several databases may run this at
-- once (the tests do), and the one that comes second may find the role or
-- its membership being made by the other; it then tries again.
DO $$
BEGIN
  FOR attempt IN 1 .. 10 LOOP
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'doudi_watchdog') THEN
        CREATE ROLE doudi_watchdog NOLOGIN;
      END IF;
      IF NOT pg_has_role('doudi_watchdog', 'pg_signal_backend', 'MEMBER')
         OR NOT pg_has_role('doudi_watchdog', 'pg_read_all_stats', 'MEMBER') THEN
        GRANT pg_signal_backend, pg_read_all_stats TO doudi_watchdog;
      END IF;
      RETURN;
    EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN
      PERFORM pg_sleep(0.1 * attempt);
    END;
  END LOOP;
  RAISE EXCEPTION 'could not make the role doudi_watchdog (other databases kept changing it)';
END
$$;
GRANT USAGE ON SCHEMA doudi TO doudi_watchdog;
GRANT SELECT ON doudi.security_limit TO doudi_watchdog;

CREATE FUNCTION doudi.watchdog_sweep()
RETURNS TABLE (pid integer, role_name text, state text, since timestamptz, ended boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  idle_limit interval := make_interval(secs => doudi.security_limit_value('watchdog_idle_in_transaction', '', current_date));
  run_limit interval := make_interval(secs => doudi.security_limit_value('watchdog_running', '', current_date));
BEGIN
  PERFORM doudi.require_group(ARRAY['center_admin'], 'the watchdog');
  RETURN QUERY
    SELECT a.pid, a.usename::text, a.state,
           CASE WHEN a.state = 'active' THEN a.query_start ELSE a.state_change END,
           pg_terminate_backend(a.pid)
    FROM pg_stat_activity AS a
    WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
      AND pg_has_role(a.usename, 'doudi_user', 'MEMBER')
      AND NOT (SELECT r.rolsuper FROM pg_roles AS r WHERE r.rolname = a.usename)
      AND ((a.state IN ('idle in transaction', 'idle in transaction (aborted)') AND a.state_change < now() - idle_limit)
           OR (a.state = 'active' AND a.query_start < now() - run_limit));
END
$$;

----------------------------------------------------------------------------
CALL doudi.claim_ownership();
ALTER FUNCTION doudi.registry_search(text, text, text, text, text, text, text, integer, bigint)
  OWNER TO doudi_scope_reader;
ALTER FUNCTION doudi.registry_rows(bigint[]) OWNER TO doudi_scope_reader;
ALTER FUNCTION doudi.registry_search_ids(text, text, text, text, text, text, text) OWNER TO doudi_scope_reader;
ALTER FUNCTION doudi.registry_count(boolean, text, text, text, text, text, text, text) OWNER TO doudi_scope_reader;
ALTER FUNCTION doudi.user_add(text, text, text, text, text, text) OWNER TO doudi_user_manager;
ALTER FUNCTION doudi.watchdog_sweep() OWNER TO doudi_watchdog;

-- The users that exist now get their limits and their counter (owned by the
-- owner, like everything else); user_add gives them to the next ones.
SELECT doudi.login_role_limits(u.role_name), doudi.cross_scope_counter(u.role_name) FROM doudi.app_user AS u
WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_roles AS r WHERE r.rolname = u.role_name);

GRANT EXECUTE ON FUNCTION doudi.security_limit_value(text, text, date), doudi.limit_day() TO doudi_user,
  doudi_watchdog;
GRANT EXECUTE ON FUNCTION doudi.search_text_check(text, text, text), doudi.registry_search_from(text, boolean, boolean),
  doudi.caller_may_see(bigint, text) TO doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.registry_search(text, text, text, text, text, text, text, integer, bigint),
  doudi.registry_rows(bigint[]) TO doudi_user;
GRANT EXECUTE ON FUNCTION doudi.household_save(uuid, bigint, integer, text, text, text, text, text, text, text,
                                               bigint[], text[], text[], text[], text[], integer[], text[], text[],
                                               text[], text[], integer[], text[], bigint[], text[], text[], text[],
                                               bigint[]),
  doudi.household_import_apply(uuid, text, boolean)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
GRANT EXECUTE ON FUNCTION doudi.cross_scope_counter(text), doudi.login_role_limits(text),
  doudi.security_limit_value(text, text, date) TO doudi_user_manager;
GRANT SELECT ON doudi.security_limit TO doudi_user_manager;
GRANT EXECUTE ON FUNCTION doudi.require_group(text[], text), doudi.session_group(), doudi.session_is_superuser()
  TO doudi_watchdog;
GRANT EXECUTE ON FUNCTION doudi.watchdog_sweep() TO doudi_center_admin;
GRANT EXECUTE ON FUNCTION doudi.unmasked_access_stamp() TO doudi_scope_reader;

-- A staff member's display name, for timelines: only of users whose scope
-- contains or lies within the caller's (the people who act on the caller's
-- cases); nothing about other counties' staff, not even that they exist.
CREATE OR REPLACE FUNCTION doudi.staff_name(p_role text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT u.display_name FROM doudi.app_user AS u
  WHERE u.role_name = p_role
    AND (doudi.session_is_superuser() OR u.region_scope LIKE doudi.session_scope() || '%'
         OR doudi.session_scope() LIKE u.region_scope || '%')
$$;
