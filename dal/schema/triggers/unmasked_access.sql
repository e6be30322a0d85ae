DROP TRIGGER IF EXISTS stamp ON doudi.unmasked_access;
CREATE TRIGGER stamp BEFORE INSERT ON doudi.unmasked_access
  FOR EACH ROW EXECUTE FUNCTION doudi.unmasked_access_stamp();
