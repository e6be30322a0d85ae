DROP TRIGGER IF EXISTS same_unit ON doudi.program_parameter;
CREATE TRIGGER same_unit BEFORE INSERT ON doudi.program_parameter
  FOR EACH ROW EXECUTE FUNCTION doudi.program_parameter_same_unit();

DROP TRIGGER IF EXISTS stamp_creation ON doudi.program_parameter;
-- Who and when are the database's to write (0005's stamp fits: same columns).
CREATE TRIGGER stamp_creation BEFORE INSERT OR UPDATE ON doudi.program_parameter
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_creation();
