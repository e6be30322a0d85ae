-- Who may do what apart from the case transitions: every staff operation and
-- the groups that may perform it, from assets/rules/staff_capabilities.csv
-- (docs/capabilities.md). Written only by the rule seed `db migrate`
-- re-applies every time, like the transitions'; the functions that check a
-- caller's group ask doudi.staff_may.
CREATE TABLE doudi.staff_operation (
  operation   text PRIMARY KEY CHECK (operation ~ '^[a-z][a-z0-9_]*$'),
  chinese     text NOT NULL UNIQUE,
  -- 'any', 'open' (a state that is not terminal) or state codes joined by '+'
  case_states text NOT NULL CHECK (case_states ~ '^[a-z][a-z0-9_+]*$')
);
CREATE TABLE doudi.staff_capability (
  operation   text NOT NULL REFERENCES doudi.staff_operation (operation),
  staff_group text NOT NULL CHECK (staff_group IN ('village_clerk', 'township_reviewer', 'city_decider',
                                                   'department_liaison', 'finance_officer', 'center_admin',
                                                   'auditor')),
  PRIMARY KEY (operation, staff_group)
);
