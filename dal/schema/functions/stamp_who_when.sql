-- Who wrote a history row and when, stamped by the database whatever the
-- client sends: the trigger names the row's two columns (when, who).
CREATE OR REPLACE FUNCTION doudi.stamp_who_when() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now(), TG_ARGV[1], session_user));
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.stamp_who_when() FROM PUBLIC;
