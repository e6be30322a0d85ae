DROP TRIGGER IF EXISTS relation_term_follows ON doudi.person;
CREATE TRIGGER relation_term_follows BEFORE UPDATE OF relation ON doudi.person
  FOR EACH ROW EXECUTE FUNCTION doudi.person_relation_term_follows();

DROP TRIGGER IF EXISTS review_after_member_left ON doudi.person;
CREATE TRIGGER review_after_member_left AFTER UPDATE ON doudi.person
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.case_review_after_member_left();
