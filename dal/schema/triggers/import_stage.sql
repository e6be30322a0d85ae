DROP TRIGGER IF EXISTS stamp ON doudi.import_stage;
CREATE TRIGGER stamp BEFORE INSERT ON doudi.import_stage FOR EACH ROW EXECUTE FUNCTION doudi.import_stage_stamp();
