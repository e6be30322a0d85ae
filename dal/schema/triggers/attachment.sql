-- A file's record never changes but for its withdrawal and the region of a
-- household that moved (doudi.attachment_refuse_change); nobody deletes or
-- truncates it.
DROP TRIGGER IF EXISTS unchanged ON doudi.attachment;
CREATE TRIGGER unchanged BEFORE UPDATE OR DELETE ON doudi.attachment
  FOR EACH ROW EXECUTE FUNCTION doudi.attachment_refuse_change();
DROP TRIGGER IF EXISTS unchanged_truncate ON doudi.attachment;
CREATE TRIGGER unchanged_truncate BEFORE TRUNCATE ON doudi.attachment
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.attachment_refuse_change();
