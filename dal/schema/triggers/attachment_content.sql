-- A stored file's bytes never change: only the region follows a household
-- that moved (doudi.attachment_refuse_change); nobody deletes or truncates
-- them.
DROP TRIGGER IF EXISTS unchanged ON doudi.attachment_content;
CREATE TRIGGER unchanged BEFORE UPDATE OR DELETE ON doudi.attachment_content
  FOR EACH ROW EXECUTE FUNCTION doudi.attachment_refuse_change();
DROP TRIGGER IF EXISTS unchanged_truncate ON doudi.attachment_content;
CREATE TRIGGER unchanged_truncate BEFORE TRUNCATE ON doudi.attachment_content
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.attachment_refuse_change();
