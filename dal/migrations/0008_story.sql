-- A household's whole story (docs/joint-loop-story.md): which programs are
-- for one person rather than the whole household, which programs a
-- household or person may not have at once, and which registry status an
-- approval of a program gives the household. Rules as data, read by
-- doudi.case_open and doudi.case_transition; the case search, the
-- household timeline and case_open's new arguments are schema files.

-- 特困 support is for one person (the case names them, doudi.case_open
-- refuses it without); 低保 and the others cover the household.
ALTER TABLE doudi.program
  ADD COLUMN per_person boolean NOT NULL DEFAULT false,
  -- the household's registry status while an approved case of the program
  -- runs (set by doudi.case_transition on approval, taken back on
  -- termination); NULL: the program does not change it
  ADD COLUMN registry_status text CHECK (registry_status IN ('dibao', 'near_dibao', 'destitute'));
UPDATE doudi.program SET per_person = true WHERE code = 'destitute';
UPDATE doudi.program SET registry_status = code WHERE code IN ('dibao', 'near_dibao', 'destitute');

-- Programs that exclude each other (no double assistance): a case of one
-- is refused (doudi:case.programs_exclude) while a case of the other is
-- open or paid for the same person, or for the same household when either
-- program covers the whole household. Each pair once, in code order.
CREATE TABLE doudi.program_exclusion (
  program  text NOT NULL REFERENCES doudi.program (code),
  excludes text NOT NULL REFERENCES doudi.program (code),
  reason   text NOT NULL CHECK (btrim(reason) <> ''),
  PRIMARY KEY (program, excludes),
  CHECK (program < excludes)
);
INSERT INTO doudi.program_exclusion (program, excludes, reason) VALUES
  ('destitute', 'dibao', '特困人员已由特困供养保障基本生活，不再纳入低保'),
  ('dibao', 'near_dibao', '低保家庭不再认定为低保边缘家庭'),
  ('destitute', 'near_dibao', '特困人员不再认定为低保边缘家庭成员');
