DROP TRIGGER IF EXISTS stamp_creation ON doudi.app_user;
CREATE TRIGGER stamp_creation BEFORE INSERT OR UPDATE ON doudi.app_user
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_creation();
