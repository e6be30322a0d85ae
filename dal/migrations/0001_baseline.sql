-- The baseline: every table, column, constraint, index, sequence, role and
-- seed row of Doudi as of the first release, folded from the migrations
-- written while it was built. Functions, views, triggers, policies and
-- grants are not here: they live in their current form under dal/schema/
-- (docs/architecture.md), applied after the migrations. What stays here are
-- the functions a table itself calls (CHECK, DEFAULT, generated columns,
-- index expressions) and the migrator's claim_ownership.


-- A 12-digit statistical code: province part not 00, and once a part is all
-- zeros every later part is zeros too (DOMAIN.md, "Identities and regions").
CREATE OR REPLACE FUNCTION doudi.region_code_well_formed(code text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN code !~ '^[0-9]{12}$' THEN false
    WHEN substr(code, 1, 2) = '00' THEN false
    WHEN substr(code, 3, 2) = '00' THEN substr(code, 5) = '00000000'
    WHEN substr(code, 5, 2) = '00' THEN substr(code, 7) = '000000'
    WHEN substr(code, 7, 3) = '000' THEN substr(code, 10) = '000'
    ELSE true END
$$;
REVOKE ALL ON FUNCTION doudi.region_code_well_formed(text) FROM PUBLIC;


CREATE OR REPLACE FUNCTION doudi.region_level(code text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN substr(code, 3) = '0000000000' THEN 'province'
    WHEN substr(code, 5) = '00000000' THEN 'prefecture'
    WHEN substr(code, 7) = '000000' THEN 'county'
    WHEN substr(code, 10) = '000' THEN 'township'
    ELSE 'village' END
$$;
REVOKE ALL ON FUNCTION doudi.region_level(text) FROM PUBLIC;

-- YYYYMMDD naming a real calendar day from 1800 on (the model's floor).
CREATE OR REPLACE FUNCTION doudi.is_real_yyyymmdd(s text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN s !~ '^[0-9]{8}$' THEN false
    WHEN substr(s, 1, 4)::int < 1800 THEN false
    WHEN substr(s, 5, 2)::int NOT BETWEEN 1 AND 12 THEN false
    ELSE substr(s, 7, 2)::int BETWEEN 1 AND
      CASE WHEN substr(s, 5, 2)::int IN (4, 6, 9, 11) THEN 30
           WHEN substr(s, 5, 2)::int <> 2 THEN 31
           WHEN (substr(s, 1, 4)::int % 4 = 0 AND substr(s, 1, 4)::int % 100 <> 0)
                OR substr(s, 1, 4)::int % 400 = 0 THEN 29
           ELSE 28 END
    END
$$;
REVOKE ALL ON FUNCTION doudi.is_real_yyyymmdd(text) FROM PUBLIC;

-- ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643-1999).
-- Written as one expression so the planner inlines it: a million-row import
-- evaluates it once per row in the CHECK.
CREATE OR REPLACE FUNCTION doudi.resident_id_check_character(first17 text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT substr('10X98765432', ((
      (ascii(substr(first17, 1, 1)) - 48) * 7 + (ascii(substr(first17, 2, 1)) - 48) * 9
    + (ascii(substr(first17, 3, 1)) - 48) * 10 + (ascii(substr(first17, 4, 1)) - 48) * 5
    + (ascii(substr(first17, 5, 1)) - 48) * 8 + (ascii(substr(first17, 6, 1)) - 48) * 4
    + (ascii(substr(first17, 7, 1)) - 48) * 2 + (ascii(substr(first17, 8, 1)) - 48) * 1
    + (ascii(substr(first17, 9, 1)) - 48) * 6 + (ascii(substr(first17, 10, 1)) - 48) * 3
    + (ascii(substr(first17, 11, 1)) - 48) * 7 + (ascii(substr(first17, 12, 1)) - 48) * 9
    + (ascii(substr(first17, 13, 1)) - 48) * 10 + (ascii(substr(first17, 14, 1)) - 48) * 5
    + (ascii(substr(first17, 15, 1)) - 48) * 8 + (ascii(substr(first17, 16, 1)) - 48) * 4
    + (ascii(substr(first17, 17, 1)) - 48) * 2) % 11) + 1, 1)
$$;
REVOKE ALL ON FUNCTION doudi.resident_id_check_character(text) FROM PUBLIC;

-- A stored resident ID: 17 digits, a check digit or X (uppercase: the
-- programs normalise), a real birth date and the right check character.
-- "Not in the future" depends on today and is checked by the programs.
CREATE OR REPLACE FUNCTION doudi.resident_id_valid(id text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN id !~ '^[0-9]{17}[0-9X]$' THEN false
    WHEN NOT doudi.is_real_yyyymmdd(substr(id, 7, 8)) THEN false
    ELSE substr(id, 18, 1) = doudi.resident_id_check_character(substr(id, 1, 17))
  END
$$;
REVOKE ALL ON FUNCTION doudi.resident_id_valid(text) FROM PUBLIC;


CREATE OR REPLACE FUNCTION doudi.resident_id_birth_date(id text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT make_date(substr(id, 7, 4)::int, substr(id, 11, 2)::int, substr(id, 13, 2)::int)
$$;
REVOKE ALL ON FUNCTION doudi.resident_id_birth_date(text) FROM PUBLIC;


CREATE OR REPLACE FUNCTION doudi.resident_id_sex(id text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN (ascii(substr(id, 17, 1)) - 48) % 2 = 1 THEN 'male' ELSE 'female' END
$$;
REVOKE ALL ON FUNCTION doudi.resident_id_sex(text) FROM PUBLIC;

-- Display form (DOMAIN.md): first 6 and last 4 characters, 8 asterisks between.
CREATE OR REPLACE FUNCTION doudi.mask_resident_id(id text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT substr(id, 1, 6) || '********' || substr(id, 15, 4)
$$;
REVOKE ALL ON FUNCTION doudi.mask_resident_id(text) FROM PUBLIC;


CREATE OR REPLACE FUNCTION doudi.mask_bank_account(account text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN length(account) < 4 THEN repeat('*', length(account))
              ELSE '****' || right(account, 4) END
$$;
REVOKE ALL ON FUNCTION doudi.mask_bank_account(text) FROM PUBLIC;

-- Every 1- and 2-character substring of a name. A GIN index over it answers
-- name fragments of any length: Chinese names are 2-3 characters, and pg_trgm
-- extracts no trigram from a 1-2 character fragment (TOOLCHAIN.md).
CREATE OR REPLACE FUNCTION doudi.name_grams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(name, i, 1) AS g FROM generate_series(1, char_length(name)) AS i
    UNION ALL
    SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i
  ) AS grams
$$;
REVOKE ALL ON FUNCTION doudi.name_grams(text) FROM PUBLIC;
CREATE TABLE doudi.region (
  code        text COLLATE "C" PRIMARY KEY CHECK (doudi.region_code_well_formed(code)),
  name        text NOT NULL CHECK (name <> ''),
  parent_code text COLLATE "C" REFERENCES doudi.region (code),
  level       text NOT NULL GENERATED ALWAYS AS (doudi.region_level(code)) STORED,
  CHECK ((parent_code IS NULL) = (doudi.region_level(code) = 'province'))
);
CREATE INDEX region_parent_idx ON doudi.region (parent_code);
CREATE TABLE doudi.household (
  id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  region_code     text COLLATE "C" NOT NULL REFERENCES doudi.region (code) ON UPDATE CASCADE
                  CHECK (doudi.region_level(region_code) = 'village'),
  address         text NOT NULL CHECK (address <> ''),
  phone           text CHECK (phone ~ '^\+?[0-9][0-9-]{4,19}$'),
  housing         text NOT NULL DEFAULT 'owned'
                  CHECK (housing IN ('owned', 'rented', 'borrowed', 'dilapidated', 'homeless')),
  bank_name       text,
  bank_account    text CHECK (bank_account ~ '^[0-9]{10,30}$'),
  registry_status text NOT NULL DEFAULT 'none'
                  CHECK (registry_status IN ('dibao', 'near_dibao', 'destitute',
                                             'essential_expense', 'other_low_income', 'none')),
  -- Where the household came from in a bulk import, so a re-import finds it;
  -- import_hash is the digest of the imported rows, to report "unchanged".
  source          text,
  source_ref      text,
  import_hash     text,
  closed_on       date,
  version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      text NOT NULL DEFAULT session_user,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      text NOT NULL DEFAULT session_user,
  UNIQUE (id, region_code),
  UNIQUE (source, source_ref),
  CHECK ((source IS NULL) = (source_ref IS NULL))
);
CREATE INDEX household_region_idx ON doudi.household (region_code);
CREATE INDEX household_status_idx ON doudi.household (registry_status, region_code);
-- Every row a household owns repeats the household's region code through a
-- composite foreign key (ON UPDATE CASCADE keeps it in step): row-level
-- security keys on it without a join.
CREATE TABLE doudi.person (
  id                  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  household_id        bigint NOT NULL,
  region_code         text COLLATE "C" NOT NULL,
  position            smallint NOT NULL DEFAULT 0,
  id_number           text COLLATE "C" NOT NULL CHECK (doudi.resident_id_valid(id_number)),
  name                text COLLATE "C" NOT NULL CHECK (name <> '' AND char_length(name) <= 50),
  relation            text NOT NULL
                      CHECK (relation IN ('head', 'spouse', 'child', 'parent', 'grandparent',
                                          'grandchild', 'sibling', 'other')),
  sex                 text NOT NULL GENERATED ALWAYS AS (doudi.resident_id_sex(id_number)) STORED,
  birth_date          date NOT NULL GENERATED ALWAYS AS (doudi.resident_id_birth_date(id_number)) STORED,
  disability_category text NOT NULL DEFAULT 'none'
                      CHECK (disability_category IN ('none', 'visual', 'hearing', 'speech', 'physical',
                                                     'intellectual', 'mental', 'multiple')),
  disability_grade    smallint CHECK (disability_grade BETWEEN 1 AND 4),
  illnesses           text[] NOT NULL DEFAULT '{}',
  schooling           text NOT NULL DEFAULT 'none'
                      CHECK (schooling IN ('none', 'preschool', 'primary', 'junior_secondary',
                                           'senior_secondary', 'vocational', 'higher')),
  employment          text NOT NULL DEFAULT 'none'
                      CHECK (employment IN ('employed', 'self_employed', 'farming', 'unemployed',
                                            'retired', 'student', 'none')),
  work_ability        text NOT NULL DEFAULT 'full' CHECK (work_ability IN ('full', 'partial', 'none')),
  -- A member who left (moved, died, household closed) keeps the row for the
  -- record; only current members count toward "one household per person".
  left_on             date,
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code)
    ON UPDATE CASCADE ON DELETE CASCADE,
  CHECK ((disability_category = 'none') = (disability_grade IS NULL))
);
-- One current household per person; also serves exact and prefix ID search.
CREATE UNIQUE INDEX person_current_id_number_key ON doudi.person (id_number) WHERE left_on IS NULL;
CREATE INDEX person_household_idx ON doudi.person (household_id);
CREATE INDEX person_name_grams_idx ON doudi.person USING gin (doudi.name_grams(name)) WHERE left_on IS NULL;
CREATE INDEX person_region_idx ON doudi.person (region_code) WHERE left_on IS NULL;
CREATE TABLE doudi.income_item (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL,
  region_code  text COLLATE "C" NOT NULL,
  person_id    bigint REFERENCES doudi.person (id) ON DELETE CASCADE,
  kind         text NOT NULL
               CHECK (kind IN ('declared', 'wage', 'business', 'farming', 'pension', 'transfer',
                               'property', 'other')),
  monthly_fen  bigint NOT NULL CHECK (monthly_fen >= 0),
  note         text NOT NULL DEFAULT '',
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code)
    ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX income_item_household_idx ON doudi.income_item (household_id);
CREATE INDEX income_item_person_idx ON doudi.income_item (person_id);
CREATE TABLE doudi.asset (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL,
  region_code  text COLLATE "C" NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('vehicle', 'business_registration', 'deposit', 'real_estate')),
  description  text NOT NULL DEFAULT '',
  value_fen    bigint NOT NULL CHECK (value_fen >= 0),
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code)
    ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX asset_household_idx ON doudi.asset (household_id);
-- The registry status with its history: household.registry_status is the
-- current value, this table is append-only record of every change.
CREATE TABLE doudi.registry_status_change (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL,
  region_code  text COLLATE "C" NOT NULL,
  status       text NOT NULL
               CHECK (status IN ('dibao', 'near_dibao', 'destitute', 'essential_expense',
                                 'other_low_income', 'none')),
  since        date NOT NULL,
  reason       text NOT NULL DEFAULT '',
  changed_by   text NOT NULL DEFAULT session_user,
  changed_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code)
    ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX registry_status_change_household_idx ON doudi.registry_status_change (household_id, changed_at);
-- 0002: who may see and change what, enforced by PostgreSQL itself.
-- Every desk user is their own LOGIN role, member of exactly one group role;
-- their region scope lives in doudi.app_user, which only user-management
-- functions write. Policies read the scope of session_user (which SET ROLE
-- does not change) through doudi.scope_low()/scope_high(); no client-settable
-- session variable is ever consulted. Runs as a superuser (it creates roles).

-- Roles belong to the whole cluster: several databases of one cluster may
-- run this at the same moment, so a role made meanwhile by another is fine.
CREATE PROCEDURE pg_temp.ensure_role(p_name text, p_options text) LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = p_name) THEN
    EXECUTE format('CREATE ROLE %I %s', p_name, p_options);
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
-- Owner of every table and function; nobody logs in as it.
CALL pg_temp.ensure_role('doudi_owner', 'NOLOGIN');
-- Owns the user-management functions: the only holder of CREATEROLE, so
-- that desk administrators never hold it themselves.
CALL pg_temp.ensure_role('doudi_user_manager', 'NOLOGIN CREATEROLE');
-- Owns the functions that read across policies and apply the caller's
-- scope themselves (search, unmasked values). Nobody is a member of it.
CALL pg_temp.ensure_role('doudi_scope_reader', 'NOLOGIN BYPASSRLS');
CALL pg_temp.ensure_role('doudi_user', 'NOLOGIN');
CALL pg_temp.ensure_role('doudi_village_clerk', 'NOLOGIN IN ROLE doudi_user');
CALL pg_temp.ensure_role('doudi_township_reviewer', 'NOLOGIN IN ROLE doudi_user');
CALL pg_temp.ensure_role('doudi_city_decider', 'NOLOGIN IN ROLE doudi_user');
CALL pg_temp.ensure_role('doudi_department_liaison', 'NOLOGIN IN ROLE doudi_user');
CALL pg_temp.ensure_role('doudi_finance_officer', 'NOLOGIN IN ROLE doudi_user');
CALL pg_temp.ensure_role('doudi_center_admin', 'NOLOGIN IN ROLE doudi_user');
CALL pg_temp.ensure_role('doudi_auditor', 'NOLOGIN IN ROLE doudi_user');
CREATE TABLE doudi.app_user (
  role_name    text PRIMARY KEY,
  display_name text NOT NULL CHECK (display_name <> ''),
  group_role   text NOT NULL
               CHECK (group_role IN ('village_clerk', 'township_reviewer', 'city_decider', 'department_liaison',
                                     'finance_officer', 'center_admin', 'auditor')),
  region_scope text COLLATE "C" NOT NULL
               CHECK (region_scope ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'),
  department   text,
  disabled     boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text NOT NULL DEFAULT session_user,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text NOT NULL DEFAULT session_user,
  -- A village clerk works in one village, a township reviewer in one township.
  CHECK (group_role <> 'village_clerk' OR length(region_scope) = 12),
  CHECK (group_role <> 'township_reviewer' OR length(region_scope) = 9),
  CHECK ((group_role = 'department_liaison') = (department IS NOT NULL AND department <> ''))
);
-- A household referred to a department (一门受理、协同办理). The referral
-- workflow fills it in a later migration; the liaison's policies key on it now.
CREATE TABLE doudi.referral (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL,
  region_code  text COLLATE "C" NOT NULL,
  department   text NOT NULL CHECK (department <> ''),
  referred_at  timestamptz NOT NULL DEFAULT now(),
  referred_by  text NOT NULL DEFAULT session_user,
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code)
    ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX referral_department_idx ON doudi.referral (department, household_id);
-- Who viewed a full ID or bank account, when, and of which record.
CREATE TABLE doudi.unmasked_access (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  viewer      text NOT NULL DEFAULT session_user,
  viewed_at   timestamptz NOT NULL DEFAULT now(),
  what        text NOT NULL CHECK (what IN ('resident_id', 'bank_account')),
  household_id bigint NOT NULL
);
-- Masked forms kept beside the full values: lists read these columns and
-- are never granted the full ones.
ALTER TABLE doudi.person ADD COLUMN id_number_masked text NOT NULL
  GENERATED ALWAYS AS (doudi.mask_resident_id(id_number)) STORED;
ALTER TABLE doudi.household ADD COLUMN bank_account_masked text
  GENERATED ALWAYS AS (doudi.mask_bank_account(bank_account)) STORED;

-- 6. Routines: nothing callable by PUBLIC; what each role needs is granted
-- by name (migrations 2-5). claim_ownership does the same for every later
-- migration.
CREATE OR REPLACE PROCEDURE doudi.claim_ownership()
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  o record;
BEGIN
  FOR o IN SELECT c.oid::regclass AS name FROM pg_class AS c
           WHERE c.relnamespace = 'doudi'::regnamespace AND c.relowner = current_user::regrole
             AND c.relkind IN ('r', 'v', 'm', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO doudi_owner', o.name);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc AS p
           WHERE p.pronamespace = 'doudi'::regnamespace AND p.proowner = current_user::regrole
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO doudi_owner', CASE o.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                   o.name);
  END LOOP;
  IF (SELECT nspowner FROM pg_namespace WHERE nspname = 'doudi') = current_user::regrole THEN
    ALTER SCHEMA doudi OWNER TO doudi_owner;
  END IF;
  REVOKE ALL ON ALL FUNCTIONS IN SCHEMA doudi FROM PUBLIC;
  REVOKE ALL ON ALL PROCEDURES IN SCHEMA doudi FROM PUBLIC;
END
$$;
REVOKE ALL ON PROCEDURE doudi.claim_ownership() FROM PUBLIC;


CREATE OR REPLACE FUNCTION doudi.session_is_superuser() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT rolsuper FROM pg_roles WHERE rolname = session_user
$$;
REVOKE ALL ON FUNCTION doudi.session_is_superuser() FROM PUBLIC;
-- 0003: the audit trail. Every insert, update and delete on personal-data and
-- user tables writes audit rows in the same transaction (who, when, table,
-- key, old and new values). Rows are hashed as they are written; a short
-- sealing step, run after commit by whoever comes next, chains each
-- committed transaction's rows onto the previous seal. Sealing is serialised
-- by an advisory lock it only tries to take, so a desk save never waits for
-- the sealing of a long import, and the chain cannot fork (prev_hash is
-- unique). The audit tables are append-only.

CREATE TABLE doudi.audit_row (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  txid         bigint NOT NULL,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  table_name   text NOT NULL,
  operation    text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  row_key      text NOT NULL,
  household_id bigint,
  old_row      jsonb,
  new_row      jsonb,
  row_hash     bytea NOT NULL
);
CREATE INDEX audit_row_household_idx ON doudi.audit_row (household_id, id);
CREATE INDEX audit_row_txid_idx ON doudi.audit_row (txid, id);
CREATE TABLE doudi.audit_seal (
  seq       bigint PRIMARY KEY CHECK (seq > 0),
  txid      bigint NOT NULL UNIQUE,
  first_row bigint NOT NULL,
  last_row  bigint NOT NULL,
  row_count bigint NOT NULL CHECK (row_count > 0),
  rows_hash bytea NOT NULL,
  prev_hash bytea NOT NULL UNIQUE,  -- one successor per seal: no fork
  hash      bytea NOT NULL UNIQUE,
  sealed_at timestamptz NOT NULL DEFAULT now()
);
-- Committed transactions whose rows await their seal. Bookkeeping only:
-- verification finds any audit row without a seal whatever this holds.
CREATE TABLE doudi.audit_pending (
  txid bigint PRIMARY KEY
);
-- Name searches by a county- or township-scoped user walk the name index in
-- name order and must skip the names outside the scope: with the region
-- code in the index that check needs no visit to the table (measured in
-- docs/benchmarks.md: the one-character search of a county user).
CREATE INDEX person_name_region_idx ON doudi.person (name, region_code, id) WHERE left_on IS NULL;
-- 5. An income item names a member of its own household.
CREATE UNIQUE INDEX person_id_household_key ON doudi.person (id, household_id);
ALTER TABLE doudi.income_item DROP CONSTRAINT income_item_person_id_fkey;
ALTER TABLE doudi.income_item ADD CONSTRAINT income_item_member_fkey
  FOREIGN KEY (person_id, household_id) REFERENCES doudi.person (id, household_id) ON DELETE CASCADE;
-- 7. The audit trail holds full IDs and accounts: auditors and
-- administrators read it through a view that masks them and keeps to their
-- scope. The trail itself is read by its owner only (sealing, verifying).
ALTER TABLE doudi.audit_row ADD COLUMN region_code text COLLATE "C";
-- 0006: saves whose outcome the desk could not learn (the link dropped
-- during COMMIT) are resolved by their request id: every save from the
-- workstation records its client-made id in the same transaction, so
-- retrying it either finds the id (it was applied; nothing is done twice)
-- or applies it once.
CREATE TABLE doudi.save_request (
  request_id   uuid PRIMARY KEY,
  household_id bigint NOT NULL,
  version      integer NOT NULL,
  saved_by     text NOT NULL DEFAULT session_user,
  saved_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX save_request_saved_at_idx ON doudi.save_request (saved_at);
-- 0007: cases and the workflow's state machine, enforced by the database.
-- A case (one household or person, one program) changes state only through
-- doudi.case_transition, which checks the rule table (seeded from
-- assets/rules/case_transitions.csv by `doudi-admin db migrate`), the
-- caller's staff group and scope, the expected version, separation of
-- duties across levels, and treats a repeated request id as already done.
-- Nobody is granted UPDATE on a case.

-- The "8+X" programs.
CREATE TABLE doudi.program (
  code    text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
  chinese text NOT NULL
);
INSERT INTO doudi.program (code, chinese) VALUES
  ('dibao', '最低生活保障'), ('destitute', '特困人员救助供养'), ('near_dibao', '低保边缘家庭救助'),
  ('temporary', '临时救助'), ('medical', '医疗救助'), ('education', '教育救助'), ('housing', '住房救助'),
  ('employment', '就业救助'), ('disaster', '受灾人员救助'), ('charity', '慈善帮扶（X）');
-- state x action -> next state, with the group and level that may take it.
-- Written only by the rule seed of `db migrate` (the superuser).
CREATE TABLE doudi.case_transition_rule (
  step_order       text NOT NULL CHECK (step_order IN ('national', 'jinjiang')),
  from_state       text NOT NULL,
  action           text NOT NULL,
  to_state         text NOT NULL,
  staff_group      text NOT NULL,
  level            text NOT NULL CHECK (level IN ('village', 'township', 'city')),
  opinion_required boolean NOT NULL,
  PRIMARY KEY (step_order, from_state, action)
);
CREATE TABLE doudi.assistance_case (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL,
  region_code  text COLLATE "C" NOT NULL,
  program      text NOT NULL REFERENCES doudi.program (code),
  step_order   text NOT NULL CHECK (step_order IN ('national', 'jinjiang')),
  state        text NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  opened_at    timestamptz NOT NULL DEFAULT now(),
  opened_by    text NOT NULL DEFAULT session_user,
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code) ON UPDATE CASCADE
);
CREATE INDEX assistance_case_household_idx ON doudi.assistance_case (household_id);
CREATE INDEX assistance_case_state_idx ON doudi.assistance_case (state, region_code);
-- Every step taken: who, when, at which level, with what opinion. Append-only.
CREATE TABLE doudi.case_step (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES doudi.assistance_case (id),
  region_code text COLLATE "C" NOT NULL,
  from_state  text,
  action      text NOT NULL,
  to_state    text NOT NULL,
  level       text NOT NULL,
  version     integer NOT NULL,
  actor       text NOT NULL DEFAULT session_user,
  acted_at    timestamptz NOT NULL DEFAULT now(),
  opinion     text NOT NULL DEFAULT '',
  request_id  uuid NOT NULL UNIQUE
);
CREATE INDEX case_step_case_idx ON doudi.case_step (case_id, id);
-- 0008: program parameters. Every number of the rules (DOMAIN.md) is a row
-- here, never a constant in code: a program, a region prefix it applies to,
-- a key, a value with its unit, and the date it takes effect from.
--
-- * The most specific prefix applies: a row for a township (9 digits)
--   overrides the county's (6 digits) for the regions under it, and keeps
--   doing so until a newer row for that same township replaces it.
-- * History is kept: a change is a new row with its own effective date. No
--   desk role may UPDATE or DELETE a row (neither is granted to anyone).
-- * Parameters are public rules: every Doudi user reads every row. Center
--   administrators add rows for prefixes inside their own scope.
-- docs/parameters.md lists every key with its meaning, unit and default.

CREATE TABLE doudi.program_parameter (
  id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  program        text NOT NULL REFERENCES doudi.program (code),
  -- a region code prefix of 2, 4, 6, 9 or 12 digits, like app_user.region_scope
  region_prefix  text COLLATE "C" NOT NULL
                 CHECK (region_prefix ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'),
  key            text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  -- fen: a whole number of fen (no yuan, no decimals); percent, days, months
  -- and counts: a whole number above zero; code: a snake_case code.
  value          text NOT NULL,
  unit           text NOT NULL
                 CHECK (unit IN ('fen', 'percent', 'working_days', 'calendar_days', 'months', 'code', 'count')),
  effective_from date NOT NULL,
  note           text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text NOT NULL DEFAULT session_user,
  UNIQUE (program, region_prefix, key, effective_from),
  CHECK (CASE unit
           WHEN 'fen' THEN value ~ '^(0|[1-9][0-9]{0,15})$'
           WHEN 'code' THEN value ~ '^[a-z][a-z0-9_]{0,62}$'
           ELSE value ~ '^[1-9][0-9]{0,8}$' END)
);
CREATE INDEX program_parameter_lookup_idx ON doudi.program_parameter (program, key, effective_from);
----------------------------------------------------------------------------
-- Seed, effective 2026-01-01, for the three demo places: 三门县 (331022),
-- 晋江市 (350582) and 垫江县 (500231). The statutory numbers are the national
-- rules' (the note names the rule); the local amounts, rounding, step order
-- and other local choices are DEMO VALUES, plausible but invented, not the
-- places' published standards. A real center replaces them with `doudi-admin
-- param set` (a new row; these stay as history).
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT s.program, place.prefix, s.key, s.value, s.unit, DATE '2026-01-01', s.note
FROM (VALUES ('331022'), ('350582'), ('500231')) AS place (prefix)
CROSS JOIN (VALUES
  -- 《最低生活保障审核确认办法》(2021)
  ('dibao', 'survey_start_deadline', '3', 'working_days', '《最低生活保障审核确认办法》：受理后3个工作日内启动入户调查'),
  ('dibao', 'verification_start_deadline', '3', 'working_days', '《最低生活保障审核确认办法》：3个工作日内启动家庭经济状况核对'),
  ('dibao', 'public_notice_days', '7', 'calendar_days', '《最低生活保障审核确认办法》：初审意见公示7天'),
  ('dibao', 'decision_deadline', '10', 'working_days', '《最低生活保障审核确认办法》：10个工作日内审核确认'),
  ('dibao', 'refusal_notice_deadline', '3', 'working_days', '《最低生活保障审核确认办法》：不予批准的3个工作日内书面告知'),
  ('dibao', 'overall_limit', '30', 'working_days', '《最低生活保障审核确认办法》：全程不超过30个工作日'),
  ('dibao', 'overall_limit_delegated', '20', 'working_days', '《最低生活保障审核确认办法》：乡镇审核确认的不超过20个工作日'),
  ('dibao', 'overall_limit_extended', '45', 'working_days', '《最低生活保障审核确认办法》：特殊情况可延长至45个工作日'),
  ('dibao', 'review_interval_stable', '12', 'months', '《最低生活保障审核确认办法》：收入基本无变化的家庭每年核查'),
  ('dibao', 'review_interval_unstable', '6', 'months', '《最低生活保障审核确认办法》：收入不稳定或有劳动能力成员的家庭每半年核查'),
  ('dibao', 'review_after_death', '3', 'months', '《最低生活保障审核确认办法》：成员死亡的3个月内复核'),
  ('dibao', 'gradual_exit_max', '6', 'months', '《最低生活保障审核确认办法》：渐退期最长6个月'),
  ('dibao', 'work_refusals_limit', '3', 'count', '《最低生活保障审核确认办法》：3次拒绝适当工作的减发或停发其本人保障金'),
  -- Amount rules without a national number (docs/benefits.md): the defaults.
  ('dibao', 'method', 'gap', 'code', '默认：差额救助（gap；分档为 tiers）'),
  ('dibao', 'minimum_per_household', '0', 'fen', '默认：不设每户最低保障金'),
  ('destitute', 'destitute_care_able', '0', 'fen', '默认：具备生活自理能力的不发照料护理费'),
  ('near_dibao', 'near_dibao_multiplier', '150', 'percent', '低保边缘：人均收入低于当地低保标准1.5倍'),
  -- 《特困人员认定办法》(2021)
  ('destitute', 'investigation_deadline', '15', 'working_days', '《特困人员认定办法》：乡镇15个工作日内调查核实'),
  ('destitute', 'public_notice_days', '7', 'calendar_days', '《特困人员认定办法》：公示7天'),
  ('destitute', 'reinvestigation_deadline', '15', 'working_days', '《特困人员认定办法》：有异议的15个工作日内重新调查'),
  ('destitute', 'decision_deadline', '15', 'working_days', '《特困人员认定办法》：县级15个工作日内确认'),
  ('destitute', 'spot_check_share', '30', 'percent', '《特困人员认定办法》：县级抽查比例不低于30%'),
  ('destitute', 'refusal_notice_deadline', '3', 'working_days', '《特困人员认定办法》：不予认定的3个工作日内书面告知'),
  ('destitute', 'reassessment_deadline', '10', 'working_days', '《特困人员认定办法》：自理能力变化的10个工作日内重新评估'),
  ('destitute', 'termination_notice_days', '7', 'calendar_days', '《特困人员认定办法》：终止救助供养公示7天'),
  ('destitute', 'confirmation_level', 'city', 'code', '《特困人员认定办法》：县级民政部门确认')
) AS s (program, key, value, unit, note);
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT s.program, s.prefix, s.key, s.value, s.unit, DATE '2026-01-01', s.note
FROM (VALUES
  -- 三门县: 城乡统一标准 1,080 元/人·月 (demo)
  ('dibao', '331022', 'standard_per_person', '108000', 'fen', '演示值：三门县城乡统一低保标准'),
  ('dibao', '331022', 'gap_rounding', 'yuan_up', 'code', '演示值：差额按元向上取整'),
  ('dibao', '331022', 'confirmation_level', 'city', 'code', '演示值：县民政局审核确认'),
  ('dibao', '331022', 'step_order', 'national', 'code', '全国流程'),
  ('dibao', '331022', 'notice_counts_toward_limit', 'yes', 'code', '演示值：公示期计入办理时限'),
  ('destitute', '331022', 'destitute_basic', '140400', 'fen', '演示值：基本生活标准（低保标准的1.3倍）'),
  ('destitute', '331022', 'destitute_care_partial', '50000', 'fen', '演示值：部分丧失生活自理能力照料护理标准'),
  ('destitute', '331022', 'destitute_care_full', '100000', 'fen', '演示值：完全丧失生活自理能力照料护理标准'),
  ('temporary', '331022', 'temporary_cap', '648000', 'fen', '演示值：一次救助不超过6个月低保标准'),
  ('medical', '331022', 'warning_spending_registry', '2000000', 'fen', '三门预警：在册对象年度医疗支出超过2万元'),
  ('medical', '331022', 'warning_spending_other', '4000000', 'fen', '三门预警：非在册人员年度自付医疗支出超过4万元'),
  -- 晋江市: 村荐镇选市定; 980 元/人·月 (demo)
  ('dibao', '350582', 'standard_per_person', '98000', 'fen', '演示值：晋江市低保标准'),
  ('dibao', '350582', 'gap_rounding', 'fen', 'code', '演示值：差额精确到分'),
  ('dibao', '350582', 'confirmation_level', 'city', 'code', '演示值：市民政局审核确认（市定）'),
  ('dibao', '350582', 'step_order', 'jinjiang', 'code', '晋江做法：村荐、镇选、市定'),
  ('dibao', '350582', 'notice_counts_toward_limit', 'yes', 'code', '演示值：公示期计入办理时限'),
  ('destitute', '350582', 'destitute_basic', '127400', 'fen', '演示值：基本生活标准（低保标准的1.3倍）'),
  ('destitute', '350582', 'destitute_care_partial', '40000', 'fen', '演示值：部分丧失生活自理能力照料护理标准'),
  ('destitute', '350582', 'destitute_care_full', '80000', 'fen', '演示值：完全丧失生活自理能力照料护理标准'),
  ('temporary', '350582', 'temporary_cap', '588000', 'fen', '演示值：一次救助不超过6个月低保标准'),
  -- 垫江县: 770 元/人·月 (demo)
  ('dibao', '500231', 'standard_per_person', '77000', 'fen', '演示值：垫江县低保标准'),
  ('dibao', '500231', 'gap_rounding', 'yuan_up', 'code', '演示值：差额按元向上取整'),
  ('dibao', '500231', 'confirmation_level', 'city', 'code', '演示值：县民政局审核确认'),
  ('dibao', '500231', 'step_order', 'national', 'code', '全国流程'),
  ('dibao', '500231', 'notice_counts_toward_limit', 'yes', 'code', '演示值：公示期计入办理时限'),
  ('destitute', '500231', 'destitute_basic', '100100', 'fen', '演示值：基本生活标准（低保标准的1.3倍）'),
  ('destitute', '500231', 'destitute_care_partial', '26000', 'fen', '演示值：部分丧失生活自理能力照料护理标准'),
  ('destitute', '500231', 'destitute_care_full', '52000', 'fen', '演示值：完全丧失生活自理能力照料护理标准'),
  ('temporary', '500231', 'temporary_cap', '462000', 'fen', '演示值：一次救助不超过6个月低保标准')
) AS s (program, prefix, key, value, unit, note);

-- The clock. The set-up superuser may set doudi.today (and doudi.act_as, the
-- role a step is recorded for) to build demo histories through the same
-- functions; for everybody else both are ignored, so a desk client cannot
-- backdate anything.
CREATE OR REPLACE FUNCTION doudi.clock_date() RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN doudi.session_is_superuser()
              THEN coalesce(nullif(current_setting('doudi.today', true), '')::date, current_date)
              ELSE current_date END
$$;
REVOKE ALL ON FUNCTION doudi.clock_date() FROM PUBLIC;


CREATE OR REPLACE FUNCTION doudi.clock_now() RETURNS timestamptz
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN doudi.clock_date() = current_date THEN now()
              ELSE (doudi.clock_date() + localtime)::timestamptz END
$$;
REVOKE ALL ON FUNCTION doudi.clock_now() FROM PUBLIC;


CREATE OR REPLACE FUNCTION doudi.acting_user() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN doudi.session_is_superuser()
              THEN coalesce(nullif(current_setting('doudi.act_as', true), ''), session_user::text)
              ELSE session_user::text END
$$;
REVOKE ALL ON FUNCTION doudi.acting_user() FROM PUBLIC;
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
ALTER TABLE doudi.assistance_case ALTER COLUMN opened_at SET DEFAULT doudi.clock_now(),
  ALTER COLUMN opened_by SET DEFAULT doudi.acting_user();
ALTER TABLE doudi.case_step ALTER COLUMN acted_at SET DEFAULT doudi.clock_now(),
  ALTER COLUMN actor SET DEFAULT doudi.acting_user();
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
-- 0013: parameters that are words, not numbers: the office that issues a
-- place's documents (its name is the local government's to set, and it
-- changes with reorganisations, so it carries an effective date like any
-- rule), and the periods for objecting to a decision, which the decision and
-- the refusal notice print.
ALTER TABLE doudi.program_parameter DROP CONSTRAINT program_parameter_unit_check,
  DROP CONSTRAINT program_parameter_check;
ALTER TABLE doudi.program_parameter
  ADD CONSTRAINT program_parameter_unit_check
    CHECK (unit IN ('fen', 'percent', 'working_days', 'calendar_days', 'months', 'code', 'count', 'text')),
  -- text: one line of at most 100 characters, no surrounding spaces.
  ADD CONSTRAINT program_parameter_value_check
    CHECK (CASE unit
             WHEN 'fen' THEN value ~ '^(0|[1-9][0-9]{0,15})$'
             WHEN 'code' THEN value ~ '^[a-z][a-z0-9_]{0,62}$'
             WHEN 'text' THEN value <> '' AND value = btrim(value) AND char_length(value) <= 100
                              AND value !~ '[[:cntrl:]]'
             ELSE value ~ '^[1-9][0-9]{0,8}$' END);
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT 'dibao', s.prefix, s.key, s.value, s.unit, DATE '2026-01-01', s.note
FROM (VALUES
  ('331022', 'issuing_office', '三门县民政局', 'text', '演示值：文书落款单位'),
  ('350582', 'issuing_office', '晋江市民政局', 'text', '演示值：文书落款单位'),
  ('500231', 'issuing_office', '垫江县民政局', 'text', '演示值：文书落款单位'),
  ('331022', 'administrative_review_days', '60', 'calendar_days', '《行政复议法》：知道该行政行为之日起60日内申请行政复议'),
  ('350582', 'administrative_review_days', '60', 'calendar_days', '《行政复议法》：知道该行政行为之日起60日内申请行政复议'),
  ('500231', 'administrative_review_days', '60', 'calendar_days', '《行政复议法》：知道该行政行为之日起60日内申请行政复议'),
  ('331022', 'lawsuit_months', '6', 'months', '《行政诉讼法》：知道作出行政行为之日起6个月内提起诉讼'),
  ('350582', 'lawsuit_months', '6', 'months', '《行政诉讼法》：知道作出行政行为之日起6个月内提起诉讼'),
  ('500231', 'lawsuit_months', '6', 'months', '《行政诉讼法》：知道作出行政行为之日起6个月内提起诉讼')
) AS s (prefix, key, value, unit, note);
-- 0014: the task list at county scale. Measured on 40,000 cases (13,000 in
-- a county decider's scope), the list of migration 11 took 2.5 s: it
-- computed every case's deadline status, applicant and review window before
-- keeping the first 200. Now the choice of cases reads columns only (the
-- review window is stored when the review date is set, the cases a user
-- acted on at another level come from an index), and the costly columns
-- are computed for the cases shown.

ALTER TABLE doudi.assistance_case ADD COLUMN review_task_from date;
CREATE INDEX case_step_actor_idx ON doudi.case_step (actor, case_id);
CREATE INDEX assistance_case_nearest_due_idx ON doudi.assistance_case ((least(step_due, overall_due)), id);

-- Text a field may hold: at most max_length code points; no control
-- character (C0, DEL, C1, the line and paragraph separators: CR and LF too;
-- TAB only in free text such as an address pasted from a table); no
-- invisible format character (soft hyphen, Arabic letter mark, Mongolian
-- vowel separator, zero-width characters and direction marks, direction
-- embeddings, overrides and isolates, word joiner and invisible operators,
-- byte-order mark, interlinear annotation, U+FFFE/U+FFFF); not only white
-- space. NULL and '' pass: whether a field may be empty is its own CHECK's
-- business.
CREATE OR REPLACE FUNCTION doudi.text_storable(value text, max_length integer, free_text boolean DEFAULT false)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT char_length(value) <= max_length
     AND value !~ CASE WHEN free_text THEN '[\u0001-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]'
                       ELSE '[\u0001-\u001f\u007f-\u009f\u2028\u2029]' END
     AND value !~ '[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]'
     AND (value = '' OR value !~ '^[\u0009\u0020\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$')
$$;
REVOKE ALL ON FUNCTION doudi.text_storable(text,integer,boolean) FROM PUBLIC;

-- A person's name: text_storable within 50 code points, and no space other
-- than the ASCII one (an ideographic space typed to align a two-character
-- name is not part of it).
CREATE OR REPLACE FUNCTION doudi.name_storable(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT doudi.text_storable(value, 50) AND value !~ '[\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]'
$$;
REVOKE ALL ON FUNCTION doudi.name_storable(text) FROM PUBLIC;

-- A person's illnesses: each text_storable free text within 100 code
-- points, all of them joined by ';' within 500.
CREATE OR REPLACE FUNCTION doudi.illnesses_storable(illnesses text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT char_length(array_to_string(illnesses, ';')) <= 500
     AND coalesce((SELECT bool_and(doudi.text_storable(i, 100, true)) FROM unnest(illnesses) AS i), true)
$$;
REVOKE ALL ON FUNCTION doudi.illnesses_storable(text[]) FROM PUBLIC;
ALTER TABLE doudi.person ADD COLUMN relation_term text;
-- Added and then validated one by one: a site whose registry
-- already holds a value that breaks one keeps that constraint for every new
-- or changed row (with a warning naming it, so the value can be corrected)
-- instead of failing the upgrade.
ALTER TABLE doudi.household
  ADD CONSTRAINT household_address_storable CHECK (doudi.text_storable(address, 200, true)),
  ADD CONSTRAINT household_bank_name_storable CHECK (doudi.text_storable(bank_name, 100, true)),
  ADD CONSTRAINT household_source_storable CHECK (doudi.text_storable(source, 64)),
  ADD CONSTRAINT household_source_ref_storable
    CHECK (doudi.text_storable(source_ref, 64) AND source_ref <> '');
ALTER TABLE doudi.person
  ADD CONSTRAINT person_name_storable CHECK (doudi.name_storable(name)),
  ADD CONSTRAINT person_relation_term_storable
    CHECK (doudi.text_storable(relation_term, 20) AND relation_term <> ''),
  ADD CONSTRAINT person_illnesses_storable CHECK (doudi.illnesses_storable(illnesses));
-- 10,000,000.00 yuan a month per income item and 10,000,000,000.00 yuan per
-- asset (model: kMaxMonthlyIncome, kMaxAssetValue).
ALTER TABLE doudi.income_item
  ADD CONSTRAINT income_item_monthly_fen_bound CHECK (monthly_fen <= 1000000000),
  ADD CONSTRAINT income_item_note_storable CHECK (doudi.text_storable(note, 500, true));
ALTER TABLE doudi.asset
  ADD CONSTRAINT asset_value_fen_bound CHECK (value_fen <= 1000000000000),
  ADD CONSTRAINT asset_description_storable CHECK (doudi.text_storable(description, 500, true));
ALTER TABLE doudi.region
  ADD CONSTRAINT region_name_storable CHECK (doudi.text_storable(name, 100));
ALTER TABLE doudi.app_user
  ADD CONSTRAINT app_user_display_name_storable CHECK (doudi.name_storable(display_name));
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
-- D. The secret that keys the import's change digest. Nobody but its owner
-- reads it; the digest of a household's imported content is then useless
-- for guessing the bank account it covers.
CREATE TABLE doudi.server_secret (
  name  text PRIMARY KEY,
  value bytea NOT NULL CHECK (length(value) >= 32)
);
INSERT INTO doudi.server_secret (name, value)
VALUES ('import_digest', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
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
-- 0019: the audit trail's verification tells rows still waiting for their
-- seal from rows slipped in, names the first audit row missing from a seal,
-- and compares the audited tables with their last audited image (issue 12,
-- findings 10 and 11). The anchor that holds the chain to a seal written
-- down outside the database is read from doudi.audit_seal, which auditors
-- and center administrators may already read (migration 3).

----------------------------------------------------------------------------
-- Reads every audited table and the whole trail, for the reconciliation
-- only: it owns doudi.audit_reconcile and nothing else; nobody logs in as
-- it or is a member of it (memberships someone gave it are taken back).
-- Roles belong to the whole cluster: several databases may run this at
-- once (the tests do); the one that comes second tries again.
DO $$
DECLARE
  m record;
BEGIN
  FOR attempt IN 1 .. 10 LOOP
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'doudi_audit_reader') THEN
        CREATE ROLE doudi_audit_reader NOLOGIN BYPASSRLS;
      END IF;
      FOR m IN SELECT r.rolname FROM pg_catalog.pg_auth_members AS a JOIN pg_catalog.pg_roles AS r ON r.oid = a.member
               WHERE a.roleid = 'doudi_audit_reader'::regrole LOOP
        EXECUTE format('REVOKE doudi_audit_reader FROM %I', m.rolname);
      END LOOP;
      IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'doudi_audit_reader'
                   AND (rolcanlogin OR rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR NOT rolbypassrls)) THEN
        ALTER ROLE doudi_audit_reader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS;
      END IF;
      RETURN;
    EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN
      PERFORM pg_sleep(0.1 * attempt);
    END;
  END LOOP;
  RAISE EXCEPTION 'could not make the role doudi_audit_reader (other databases kept changing it)';
END
$$;

-- Who may call the functions above (the roles exist from here on).
GRANT EXECUTE ON FUNCTION doudi.region_code_well_formed(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.region_level(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.is_real_yyyymmdd(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.resident_id_check_character(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.resident_id_valid(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.resident_id_birth_date(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.resident_id_sex(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.mask_resident_id(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.mask_bank_account(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.name_grams(text) TO doudi_user, doudi_scope_reader;
GRANT EXECUTE ON FUNCTION doudi.session_is_superuser() TO doudi_user, doudi_scope_reader, doudi_user_manager, doudi_watchdog;
GRANT EXECUTE ON FUNCTION doudi.clock_date() TO doudi_user;
GRANT EXECUTE ON FUNCTION doudi.clock_now() TO doudi_user;
GRANT EXECUTE ON FUNCTION doudi.acting_user() TO doudi_user;
GRANT EXECUTE ON FUNCTION doudi.text_storable(text,integer,boolean) TO doudi_user, doudi_user_manager;
GRANT EXECUTE ON FUNCTION doudi.name_storable(text) TO doudi_user, doudi_user_manager;
GRANT EXECUTE ON FUNCTION doudi.illnesses_storable(text[]) TO doudi_user, doudi_user_manager;
