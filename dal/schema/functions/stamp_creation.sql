-- 4. Who and when are the database's to write, never the client's.
CREATE OR REPLACE FUNCTION doudi.stamp_creation() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.created_at := now();
    NEW.created_by := session_user;
  ELSE
    NEW.created_at := OLD.created_at;
    NEW.created_by := OLD.created_by;
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.stamp_creation() FROM PUBLIC;
