-- Who changed a household's registry status and when: stamped by the
-- database, whatever the client sends.
CREATE OR REPLACE FUNCTION doudi.registry_status_change_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.changed_at := now();
  NEW.changed_by := session_user;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.registry_status_change_stamp() FROM PUBLIC;
