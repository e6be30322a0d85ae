-- Help delivered (帮扶措施) in 四帮四扶 terms (docs/joint-loop-help.md): the
-- eight terms, and which of a household's programs and which kinds of help
-- count under which term. The one place this mapping lives: the summary
-- (doudi.household_support_summary) reads it; help recorded with terms of
-- its own counts under those instead of its kind's.
CREATE TABLE doudi.support_term (
  code     text PRIMARY KEY CHECK (code IN ('help_job', 'help_medical', 'help_school', 'help_housing',
                                            'support_poverty', 'support_old_young', 'support_disabled',
                                            'support_morale')),
  chinese  text NOT NULL UNIQUE,
  position integer NOT NULL UNIQUE
);
INSERT INTO doudi.support_term (code, chinese, position) VALUES
  ('help_job', '帮就业', 1), ('help_medical', '帮就医', 2), ('help_school', '帮就学', 3), ('help_housing', '帮安居', 4),
  ('support_poverty', '扶贫困', 5), ('support_old_young', '扶老幼', 6), ('support_disabled', '扶伤残', 7),
  ('support_morale', '扶志气', 8);

-- source 'program': a case of that program with a decided amount or a
-- payment counts once under the term; source 'help_kind': a help record
-- without terms of its own counts under its kind's term.
CREATE TABLE doudi.support_term_source (
  source text NOT NULL CHECK (source IN ('program', 'help_kind')),
  code   text NOT NULL,
  term   text NOT NULL REFERENCES doudi.support_term (code),
  PRIMARY KEY (source, code, term),
  CHECK (source <> 'help_kind' OR code IN ('cash', 'in_kind', 'service', 'job', 'school_aid', 'medical_aid',
                                           'housing', 'care'))
);
INSERT INTO doudi.support_term_source (source, code, term) VALUES
  ('program', 'dibao', 'support_poverty'), ('program', 'near_dibao', 'support_poverty'),
  ('program', 'temporary', 'support_poverty'), ('program', 'destitute', 'support_old_young'),
  ('program', 'medical', 'help_medical'), ('program', 'education', 'help_school'),
  ('program', 'housing', 'help_housing'), ('program', 'employment', 'help_job'),
  ('help_kind', 'cash', 'support_poverty'), ('help_kind', 'in_kind', 'support_poverty'),
  ('help_kind', 'job', 'help_job'), ('help_kind', 'school_aid', 'help_school'),
  ('help_kind', 'medical_aid', 'help_medical'), ('help_kind', 'housing', 'help_housing'),
  ('help_kind', 'care', 'support_old_young');

-- A correction names the record it corrects, once: a record is corrected
-- by at most one later record, and the latest of the chain is in force.
CREATE UNIQUE INDEX help_record_corrects_idx ON doudi.help_record (corrects_id) WHERE corrects_id IS NOT NULL;

