-- The joint loop (docs/joint-loop.md): the departments of each county and
-- the help they give, referrals with due dates and feedback, the help a
-- household received from anyone, six-party pairing and its visits, and the
-- case's links (follow-up case, the person a per-person program names).

----------------------------------------------------------------------------
-- Settings of the joint loop are parameters of their own "program", which
-- opens no cases (doudi.case_open refuses it; the new-case dialog leaves
-- it out).
ALTER TABLE doudi.program ADD COLUMN opens_cases boolean NOT NULL DEFAULT true;
INSERT INTO doudi.program (code, chinese, opens_cases) VALUES ('joint_help', '联合帮扶（设置）', false);
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT 'joint_help', place.prefix, s.key, s.value, s.unit, DATE '2026-01-01', s.note
FROM (VALUES ('331022'), ('350582'), ('500231')) AS place (prefix)
CROSS JOIN (VALUES
  ('liaison_access_days', '30', 'calendar_days',
   '演示值：转办办结后部门联络员仍可查看该家庭信息的天数'),
  ('referral_escalation_days', '5', 'working_days',
   '演示值：转办逾期超过5个工作日报中心管理员'),
  ('pairing_visit_months', '3', 'months', '演示值：挂钩帮扶责任人至少每3个月走访一次'),
  ('duplicate_help_months', '12', 'months', '演示值：12个月内其他部门已给予同类帮扶的转办予以提示')
) AS s (key, value, unit, note);

----------------------------------------------------------------------------
-- The departments of a county's joint assistance center (一门受理、协同办理)
-- and the kinds of help each gives. Edited by the center administrator.
CREATE TABLE doudi.department (
  county_code text COLLATE "C" NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  code        text COLLATE "C" NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name        text NOT NULL CHECK (btrim(name) = name AND name <> '' AND char_length(name) <= 50
                                   AND name !~ '[[:cntrl:]]'),
  phone       text NOT NULL DEFAULT '' CHECK (phone = '' OR phone ~ '^\+?[0-9][0-9-]{4,19}$'),
  active      boolean NOT NULL DEFAULT true,
  sort_order  integer NOT NULL DEFAULT 100,
  version     integer NOT NULL DEFAULT 1 CHECK (version > 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL DEFAULT session_user,
  PRIMARY KEY (county_code, code),
  UNIQUE (county_code, name)
);
-- The kinds of help: cash, in kind, a service, a job, school aid, medical
-- aid, housing (rebuilding included).
CREATE TABLE doudi.department_help (
  county_code text COLLATE "C" NOT NULL,
  department  text COLLATE "C" NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('cash', 'in_kind', 'service', 'job', 'school_aid', 'medical_aid',
                                            'housing')),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 200),
  active      boolean NOT NULL DEFAULT true,
  PRIMARY KEY (county_code, department, kind),
  FOREIGN KEY (county_code, department) REFERENCES doudi.department (county_code, code) ON UPDATE CASCADE
);
-- How many working days a department has to answer a referral for a kind
-- of help: dated values, the latest effective on the day of sending wins.
CREATE TABLE doudi.department_due_days (
  county_code    text COLLATE "C" NOT NULL,
  department     text COLLATE "C" NOT NULL,
  kind           text NOT NULL,
  effective_from date NOT NULL,
  working_days   integer NOT NULL CHECK (working_days BETWEEN 1 AND 250),
  note           text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text NOT NULL DEFAULT session_user,
  PRIMARY KEY (county_code, department, kind, effective_from),
  FOREIGN KEY (county_code, department, kind) REFERENCES doudi.department_help (county_code, department, kind)
    ON UPDATE CASCADE
);
-- The usual set, for the three demo counties; the kinds each gives and the
-- due days are DEMO VALUES a center replaces (`doudi-admin department ...`).
INSERT INTO doudi.department (county_code, code, name, sort_order)
SELECT place.county, d.code, d.name, d.sort_order
FROM (VALUES ('331022'), ('350582'), ('500231')) AS place (county)
CROSS JOIN (VALUES
  ('civil_affairs', '民政局', 10), ('human_resources', '人力资源和社会保障局', 20),
  ('medical_insurance', '医疗保障局', 30), ('education', '教育局', 40),
  ('housing', '住房和城乡建设局', 50), ('disabled_federation', '残疾人联合会', 60),
  ('health', '卫生健康局', 70), ('emergency', '应急管理局', 80), ('agriculture', '农业农村局', 90),
  ('rural_revitalization', '乡村振兴局', 100), ('trade_union', '总工会', 110),
  ('womens_federation', '妇女联合会', 120), ('youth_league', '共青团', 130),
  ('red_cross_charity', '红十字会／慈善总会', 140)
) AS d (code, name, sort_order);
INSERT INTO doudi.department_help (county_code, department, kind)
SELECT place.county, h.department, h.kind
FROM (VALUES ('331022'), ('350582'), ('500231')) AS place (county)
CROSS JOIN (VALUES
  ('civil_affairs', 'cash'), ('civil_affairs', 'in_kind'), ('civil_affairs', 'service'),
  ('human_resources', 'job'), ('human_resources', 'service'),
  ('medical_insurance', 'medical_aid'), ('education', 'school_aid'),
  ('housing', 'housing'), ('disabled_federation', 'service'), ('disabled_federation', 'cash'),
  ('health', 'medical_aid'), ('health', 'service'), ('emergency', 'cash'), ('emergency', 'in_kind'),
  ('agriculture', 'job'), ('rural_revitalization', 'job'), ('rural_revitalization', 'housing'),
  ('trade_union', 'cash'), ('trade_union', 'job'), ('womens_federation', 'service'),
  ('youth_league', 'school_aid'), ('red_cross_charity', 'cash'), ('red_cross_charity', 'in_kind')
) AS h (department, kind);
INSERT INTO doudi.department_due_days (county_code, department, kind, effective_from, working_days, note)
SELECT h.county_code, h.department, h.kind, DATE '2026-01-01',
       CASE h.kind WHEN 'medical_aid' THEN 5 WHEN 'housing' THEN 20 WHEN 'job' THEN 15 ELSE 10 END,
       '演示值'
FROM doudi.department_help AS h;

-- A household's members within the caller's scope in one index (the
-- policies' region range beside the household): lists that show each
-- row's head no longer AND a bitmap of the whole scope's persons per row.
CREATE INDEX person_household_region_idx ON doudi.person (household_id, region_code);
DROP INDEX doudi.person_household_idx;

-- A liaison belongs to one department of their county.
ALTER TABLE doudi.app_user
  ADD COLUMN department_county text COLLATE "C"
    GENERATED ALWAYS AS (CASE WHEN department IS NOT NULL THEN left(region_scope, 6) END) STORED,
  ADD CONSTRAINT app_user_department_fkey FOREIGN KEY (department_county, department)
    REFERENCES doudi.department (county_code, code),
  ADD CONSTRAINT app_user_liaison_county_check CHECK (department IS NULL OR length(region_scope) >= 6);

----------------------------------------------------------------------------
-- Referrals (转办). One send (one request id) makes one referral per
-- department asked; each moves sent -> accepted -> done | declined.
CREATE TABLE doudi.referral_send (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  request_id   uuid NOT NULL UNIQUE,
  household_id bigint NOT NULL,
  region_code  text COLLATE "C" NOT NULL,
  case_id      bigint REFERENCES doudi.assistance_case (id),
  alert_id     bigint REFERENCES doudi.alert (id),
  note         text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
  sent_at      timestamptz NOT NULL DEFAULT now(),
  sent_by      text NOT NULL DEFAULT session_user,
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code) ON UPDATE CASCADE
);
-- The referrals made before the joint loop carried no request and no due
-- date (the demo's only); they are removed rather than invented.
DELETE FROM doudi.referral;
ALTER TABLE doudi.referral
  ADD COLUMN send_id        bigint NOT NULL REFERENCES doudi.referral_send (id),
  ADD COLUMN county_code    text COLLATE "C" NOT NULL GENERATED ALWAYS AS (left(region_code, 6)) STORED,
  ADD COLUMN kind           text NOT NULL,
  ADD COLUMN request        text NOT NULL CHECK (btrim(request) <> '' AND char_length(request) <= 1000),
  ADD COLUMN documents      text[] NOT NULL DEFAULT '{}'
                            CHECK (cardinality(documents) <= 20 AND NOT ('' = ANY (documents))),
  ADD COLUMN case_id        bigint REFERENCES doudi.assistance_case (id),
  ADD COLUMN alert_id       bigint REFERENCES doudi.alert (id),
  ADD COLUMN due_days       integer NOT NULL CHECK (due_days > 0),
  ADD COLUMN due_on         date NOT NULL,
  -- open past this day, the referral reaches the center's administrator:
  -- the joint_help parameter referral_escalation_days (working days) in
  -- force when it was sent, counted from due_on (NULL: no such parameter)
  ADD COLUMN escalate_on    date,
  ADD COLUMN state          text NOT NULL DEFAULT 'sent' CHECK (state IN ('sent', 'accepted', 'done', 'declined')),
  ADD COLUMN accepted_at    timestamptz,
  ADD COLUMN accepted_by    text,
  ADD COLUMN closed_at      timestamptz,
  ADD COLUMN closed_by      text,
  -- the center recorded the answer on the department's behalf (a department
  -- that works on paper)
  ADD COLUMN closed_on_behalf boolean NOT NULL DEFAULT false,
  -- the last day the department's liaison still sees the household: the
  -- closing day plus the joint_help parameter liaison_access_days in force
  -- then (doudi.liaison_household_ids)
  ADD COLUMN access_until   date,
  ADD COLUMN decline_reason text CHECK (decline_reason IS NULL OR btrim(decline_reason) <> ''),
  -- another department gave the same kind of help in the period before
  -- (the duplicate_help_months parameter): shown beside the referral
  ADD COLUMN duplicate_of   bigint,
  ADD COLUMN version        integer NOT NULL DEFAULT 1 CHECK (version > 0),
  ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT referral_department_fkey FOREIGN KEY (county_code, department, kind)
    REFERENCES doudi.department_help (county_code, department, kind),
  ADD CONSTRAINT referral_accepted_check CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
  ADD CONSTRAINT referral_closed_check
    CHECK ((state IN ('done', 'declined')) = (closed_at IS NOT NULL AND closed_by IS NOT NULL)),
  ADD CONSTRAINT referral_declined_check CHECK ((state = 'declined') = (decline_reason IS NOT NULL)),
  ADD CONSTRAINT referral_access_check CHECK ((closed_at IS NULL) = (access_until IS NULL)),
  ADD CONSTRAINT referral_department_once UNIQUE (send_id, department, kind);
DROP INDEX doudi.referral_department_idx;
CREATE INDEX referral_inbox_idx ON doudi.referral (county_code, department, state, due_on);
CREATE INDEX referral_household_idx ON doudi.referral (household_id);
-- a liaison's referrals: their department within their scope (the policy)
CREATE INDEX referral_department_region_idx ON doudi.referral (department, region_code);
CREATE INDEX referral_case_idx ON doudi.referral (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX referral_alert_idx ON doudi.referral (alert_id) WHERE alert_id IS NOT NULL;
CREATE INDEX referral_open_due_idx ON doudi.referral (due_on) WHERE state IN ('sent', 'accepted');

----------------------------------------------------------------------------
-- Help delivered (帮扶措施): every help a household received that is not a
-- program's own benefit (those are doudi.case_benefit and payment_line):
-- from a department (a referral's feedback), a fund, an enterprise or a
-- person, in cash, in kind, as a service, a job, school or medical aid, a
-- house rebuilt (兜底翻建) or care. Append-only: a correction is a new row
-- that names the one it corrects.
CREATE TABLE doudi.help_record (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  request_id    uuid NOT NULL UNIQUE,
  household_id  bigint NOT NULL,
  region_code   text COLLATE "C" NOT NULL,
  person_id     bigint REFERENCES doudi.person (id),
  kind          text NOT NULL CHECK (kind IN ('cash', 'in_kind', 'service', 'job', 'school_aid', 'medical_aid',
                                              'housing', 'care')),
  giver_kind    text NOT NULL CHECK (giver_kind IN ('department', 'fund', 'enterprise', 'social_worker', 'other')),
  giver         text NOT NULL CHECK (btrim(giver) <> '' AND char_length(giver) <= 100),
  department    text COLLATE "C",
  fund_code     text REFERENCES doudi.charity_fund (code),
  given_on      date NOT NULL,
  amount_fen    bigint CHECK (amount_fen > 0),
  description   text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
  -- the department's (or giver's) person who gave it
  given_by      text NOT NULL DEFAULT '' CHECK (char_length(given_by) <= 50),
  -- 四帮四扶 terms the help counts under (docs/joint-loop.md)
  terms         text[] NOT NULL DEFAULT '{}'
                CHECK (terms <@ ARRAY['help_job', 'help_medical', 'help_school', 'help_housing', 'support_poverty',
                                      'support_old_young', 'support_disabled', 'support_morale']::text[]),
  referral_id   bigint REFERENCES doudi.referral (id),
  case_id       bigint REFERENCES doudi.assistance_case (id),
  corrects_id   bigint REFERENCES doudi.help_record (id),
  on_behalf     boolean NOT NULL DEFAULT false,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  recorded_by   text NOT NULL DEFAULT session_user,
  CHECK (amount_fen IS NOT NULL OR btrim(description) <> ''),
  CHECK ((giver_kind = 'department') = (department IS NOT NULL)),
  CHECK (giver_kind <> 'fund' OR fund_code IS NOT NULL),
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code) ON UPDATE CASCADE
);
CREATE INDEX help_record_household_idx ON doudi.help_record (household_id, given_on);
CREATE INDEX help_record_referral_idx ON doudi.help_record (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX help_record_fund_idx ON doudi.help_record (fund_code) WHERE fund_code IS NOT NULL;

-- The case's or alert's "help closed" mark: set when every referral of it
-- has its answer (doudi.help_close refuses it before).
ALTER TABLE doudi.assistance_case
  ADD COLUMN help_closed_at timestamptz,
  ADD COLUMN help_closed_by text,
  -- the case this one follows (临时救助 first, then 低保): the household's
  -- data is the same household's, the link is kept
  ADD COLUMN follows_case_id bigint REFERENCES doudi.assistance_case (id),
  -- the person a per-person program (特困 support, disability subsidies) is for
  ADD COLUMN person_id bigint REFERENCES doudi.person (id),
  ADD CONSTRAINT assistance_case_help_closed_check CHECK ((help_closed_at IS NULL) = (help_closed_by IS NULL));
ALTER TABLE doudi.alert
  ADD COLUMN help_closed_at timestamptz,
  ADD COLUMN help_closed_by text,
  ADD CONSTRAINT alert_help_closed_check CHECK ((help_closed_at IS NULL) = (help_closed_by IS NULL));
CREATE INDEX assistance_case_follows_idx ON doudi.assistance_case (follows_case_id) WHERE follows_case_id IS NOT NULL;

-- Charity funds are topped up (a donation, a transfer) and draw on grants.
CREATE TABLE doudi.charity_fund_topup (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  request_id  uuid NOT NULL UNIQUE,
  fund_code   text NOT NULL REFERENCES doudi.charity_fund (code),
  amount_fen  bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 100000000000),
  source      text NOT NULL CHECK (btrim(source) <> '' AND char_length(source) <= 100),
  received_on date NOT NULL,
  added_at    timestamptz NOT NULL DEFAULT now(),
  added_by    text NOT NULL DEFAULT session_user
);
CREATE INDEX charity_fund_topup_fund_idx ON doudi.charity_fund_topup (fund_code);

----------------------------------------------------------------------------
-- Six-party pairing (六位一体挂钩帮扶). Enterprises' and social workers'
-- contacts per county; a household in the pairing program has one
-- responsible person per level; visits are logged.
CREATE TABLE doudi.pairing_contact (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  county_code  text COLLATE "C" NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  kind         text NOT NULL CHECK (kind IN ('enterprise', 'social_worker')),
  name         text NOT NULL CHECK (btrim(name) = name AND name <> '' AND char_length(name) <= 50),
  organization text NOT NULL DEFAULT '' CHECK (char_length(organization) <= 100),
  phone        text NOT NULL DEFAULT '' CHECK (phone = '' OR phone ~ '^\+?[0-9][0-9-]{4,19}$'),
  active       boolean NOT NULL DEFAULT true,
  added_at     timestamptz NOT NULL DEFAULT now(),
  added_by     text NOT NULL DEFAULT session_user
);
CREATE INDEX pairing_contact_county_idx ON doudi.pairing_contact (county_code, kind);
CREATE TABLE doudi.pairing_household (
  household_id bigint PRIMARY KEY,
  region_code  text COLLATE "C" NOT NULL,
  since        date NOT NULL,
  ended_on     date,
  end_reason   text CHECK (end_reason IS NULL OR btrim(end_reason) <> ''),
  added_at     timestamptz NOT NULL DEFAULT now(),
  added_by     text NOT NULL DEFAULT session_user,
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  FOREIGN KEY (household_id, region_code) REFERENCES doudi.household (id, region_code) ON UPDATE CASCADE
);
CREATE INDEX pairing_household_region_idx ON doudi.pairing_household (region_code);
-- Who is responsible at each level: a Doudi user (city/county, township,
-- village, department) or a contact (enterprise, social worker). A change
-- ends the row and starts a new one.
CREATE TABLE doudi.pairing_assignment (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL REFERENCES doudi.pairing_household (household_id),
  region_code  text COLLATE "C" NOT NULL,
  level        text NOT NULL CHECK (level IN ('county', 'township', 'village', 'department', 'enterprise',
                                              'social_worker')),
  user_role    text REFERENCES doudi.app_user (role_name) ON UPDATE CASCADE,
  contact_id   bigint REFERENCES doudi.pairing_contact (id),
  since        date NOT NULL,
  until        date,
  assigned_at  timestamptz NOT NULL DEFAULT now(),
  assigned_by  text NOT NULL DEFAULT session_user,
  CHECK ((user_role IS NULL) <> (contact_id IS NULL)),
  CHECK ((level IN ('enterprise', 'social_worker')) = (contact_id IS NOT NULL)),
  CHECK (until IS NULL OR until >= since)
);
CREATE UNIQUE INDEX pairing_assignment_current_key ON doudi.pairing_assignment (household_id, level)
  WHERE until IS NULL;
CREATE INDEX pairing_assignment_region_idx ON doudi.pairing_assignment (region_code);
CREATE TABLE doudi.pairing_visit (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  request_id   uuid NOT NULL UNIQUE,
  household_id bigint NOT NULL REFERENCES doudi.pairing_household (household_id),
  region_code  text COLLATE "C" NOT NULL,
  visited_on   date NOT NULL,
  level        text NOT NULL CHECK (level IN ('county', 'township', 'village', 'department', 'enterprise',
                                              'social_worker')),
  visitor      text NOT NULL CHECK (btrim(visitor) <> '' AND char_length(visitor) <= 50),
  found        text NOT NULL CHECK (btrim(found) <> '' AND char_length(found) <= 1000),
  next_step    text NOT NULL DEFAULT '' CHECK (char_length(next_step) <= 500),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  recorded_by  text NOT NULL DEFAULT session_user
);
CREATE INDEX pairing_visit_household_idx ON doudi.pairing_visit (household_id, visited_on);
