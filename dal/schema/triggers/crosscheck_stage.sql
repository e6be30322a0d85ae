DROP TRIGGER IF EXISTS stamp ON doudi.crosscheck_stage;
CREATE TRIGGER stamp BEFORE INSERT ON doudi.crosscheck_stage FOR EACH ROW EXECUTE FUNCTION doudi.import_stage_stamp();
