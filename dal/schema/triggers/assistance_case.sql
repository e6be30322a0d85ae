DROP TRIGGER IF EXISTS stamp_review_task ON doudi.assistance_case;
CREATE TRIGGER stamp_review_task BEFORE INSERT OR UPDATE OF next_review_on ON doudi.assistance_case
  FOR EACH ROW EXECUTE FUNCTION doudi.case_stamp_review_task();
