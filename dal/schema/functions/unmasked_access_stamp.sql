-- Who, when, where and whose scope are the database's to write.
CREATE OR REPLACE FUNCTION doudi.unmasked_access_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.viewer := session_user;
  NEW.viewed_at := now();
  NEW.viewer_scope := doudi.session_scope();
  NEW.region_code := (SELECT h.region_code FROM doudi.household AS h WHERE h.id = NEW.household_id);
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.unmasked_access_stamp() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.unmasked_access_stamp() TO doudi_scope_reader;
