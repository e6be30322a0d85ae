-- One open case per person for a per-person program (特困 support): two
-- members of one household who each meet the rule each have their case,
-- while a household program (低保 and the others) keeps one open case per
-- household, whichever person a case of it names. doudi.case_open records
-- on the case whether its program was per-person when it was opened (the
-- program's flag may change later; the case keeps the rule it was opened
-- under), and the unique index keys a per-person case by its person.
ALTER TABLE doudi.assistance_case
  ADD COLUMN per_person boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT assistance_case_per_person_named CHECK (NOT per_person OR person_id IS NOT NULL);

UPDATE doudi.assistance_case AS a SET per_person = true
FROM doudi.program AS g
WHERE g.code = a.program AND g.per_person AND a.person_id IS NOT NULL;

-- The states are the terminal ones of assets/rules/case_states.csv (a db
-- test ties them), as before.
DROP INDEX doudi.assistance_case_open_key;
CREATE UNIQUE INDEX assistance_case_open_key
  ON doudi.assistance_case (household_id, program, (CASE WHEN per_person THEN person_id ELSE 0 END))
  WHERE state NOT IN ('refusal_notified', 'terminated');
