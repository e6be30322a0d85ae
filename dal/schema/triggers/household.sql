DROP TRIGGER IF EXISTS household_record_status_insert ON doudi.household;
CREATE TRIGGER household_record_status_insert AFTER INSERT ON doudi.household
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.household_record_status();

DROP TRIGGER IF EXISTS household_record_status_update ON doudi.household;
CREATE TRIGGER household_record_status_update AFTER UPDATE ON doudi.household
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.household_record_status();

DROP TRIGGER IF EXISTS household_stamp_version ON doudi.household;
CREATE TRIGGER household_stamp_version BEFORE UPDATE ON doudi.household
  FOR EACH ROW EXECUTE FUNCTION doudi.household_stamp_version();

DROP TRIGGER IF EXISTS stamp_creation ON doudi.household;
CREATE TRIGGER stamp_creation BEFORE INSERT OR UPDATE ON doudi.household
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_creation();
