CREATE OR REPLACE FUNCTION doudi.import_stage_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.staged_by := session_user;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.import_stage_stamp() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.import_stage_stamp() TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
