-- 0001: the household registry (households, members, income, assets,
-- registry status history) and the functions its constraints and search use.
-- Applied by `doudi-admin db migrate` inside one transaction.

-- Codes and ID numbers are digit strings compared bytewise: the C collation
-- lets one btree serve equality, ranges and LIKE 'prefix%'.

-- A 12-digit statistical code: province part not 00, and once a part is all
-- zeros every later part is zeros too (DOMAIN.md, "Identities and regions").
CREATE FUNCTION doudi.region_code_well_formed(code text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN code !~ '^[0-9]{12}$' THEN false
    WHEN substr(code, 1, 2) = '00' THEN false
    WHEN substr(code, 3, 2) = '00' THEN substr(code, 5) = '00000000'
    WHEN substr(code, 5, 2) = '00' THEN substr(code, 7) = '000000'
    WHEN substr(code, 7, 3) = '000' THEN substr(code, 10) = '000'
    ELSE true END
$$;

CREATE FUNCTION doudi.region_level(code text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN substr(code, 3) = '0000000000' THEN 'province'
    WHEN substr(code, 5) = '00000000' THEN 'prefecture'
    WHEN substr(code, 7) = '000000' THEN 'county'
    WHEN substr(code, 10) = '000' THEN 'township'
    ELSE 'village' END
$$;

-- YYYYMMDD naming a real calendar day from 1800 on (the model's floor).
CREATE FUNCTION doudi.is_real_yyyymmdd(s text) RETURNS boolean
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

-- ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643-1999).
-- Written as one expression so the planner inlines it: a million-row import
-- evaluates it once per row in the CHECK.
CREATE FUNCTION doudi.resident_id_check_character(first17 text) RETURNS text
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

-- A stored resident ID: 17 digits, a check digit or X (uppercase: the
-- programs normalise), a real birth date and the right check character.
-- "Not in the future" depends on today and is checked by the programs.
CREATE FUNCTION doudi.resident_id_valid(id text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN id !~ '^[0-9]{17}[0-9X]$' THEN false
    WHEN NOT doudi.is_real_yyyymmdd(substr(id, 7, 8)) THEN false
    ELSE substr(id, 18, 1) = doudi.resident_id_check_character(substr(id, 1, 17))
  END
$$;

CREATE FUNCTION doudi.resident_id_birth_date(id text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT make_date(substr(id, 7, 4)::int, substr(id, 11, 2)::int, substr(id, 13, 2)::int)
$$;

CREATE FUNCTION doudi.resident_id_sex(id text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN (ascii(substr(id, 17, 1)) - 48) % 2 = 1 THEN 'male' ELSE 'female' END
$$;

-- Display form (DOMAIN.md): first 6 and last 4 characters, 8 asterisks between.
CREATE FUNCTION doudi.mask_resident_id(id text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT substr(id, 1, 6) || '********' || substr(id, 15, 4)
$$;

CREATE FUNCTION doudi.mask_bank_account(account text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN length(account) < 4 THEN repeat('*', length(account))
              ELSE '****' || right(account, 4) END
$$;

-- Every 1- and 2-character substring of a name. A GIN index over it answers
-- name fragments of any length: Chinese names are 2-3 characters, and pg_trgm
-- extracts no trigram from a 1-2 character fragment (TOOLCHAIN.md).
CREATE FUNCTION doudi.name_grams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(name, i, 1) AS g FROM generate_series(1, char_length(name)) AS i
    UNION ALL
    SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i
  ) AS grams
$$;

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
-- Names compare bytewise (code point order) so one btree serves equality,
-- prefix LIKE and ORDER BY name for paging.
CREATE INDEX person_name_idx ON doudi.person (name, id) WHERE left_on IS NULL;
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

-- Optimistic concurrency: every update of a household row bumps its version
-- and stamps who and when, whatever the client sends. Saving the members,
-- income or assets of a household always touches its row too.
CREATE FUNCTION doudi.household_stamp_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  NEW.updated_by := session_user;
  RETURN NEW;
END
$$;
CREATE TRIGGER household_stamp_version BEFORE UPDATE ON doudi.household
  FOR EACH ROW EXECUTE FUNCTION doudi.household_stamp_version();

-- A change of registry status is recorded in its history in the same
-- transaction, so the history cannot be forgotten by a client.
CREATE FUNCTION doudi.household_record_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.registry_status IS DISTINCT FROM OLD.registry_status THEN
    INSERT INTO doudi.registry_status_change (household_id, region_code, status, since, reason)
    VALUES (NEW.id, NEW.region_code, NEW.registry_status, current_date,
            coalesce(current_setting('doudi.status_reason', true), ''));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER household_record_status AFTER INSERT OR UPDATE OF registry_status ON doudi.household
  FOR EACH ROW EXECUTE FUNCTION doudi.household_record_status();
