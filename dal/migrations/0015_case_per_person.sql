-- doudi.case_overview and doudi.case_search now say whether a case is a
-- per-person case (per_person, the last column of each): the decision and
-- refusal letters address that person, members who left included, and a
-- household case that names a member stays the household's. A view's and a
-- function's columns changed (dal/schema), so the schema version moves on
-- and a workstation of the other version is told.
COMMENT ON COLUMN doudi.assistance_case.per_person IS
  'a per-person case (特困): person_id is its applicant, not the household''s head; set when opened';
