-- Who wrote a history row and when, stamped by the database whatever the
-- client sends: the trigger names the row's two columns (when, who). The
-- database's clock and acting user: now() and the session's user for
-- everybody but the set-up superuser building the demo's history
-- (doudi.clock_now, doudi.acting_user).
CREATE OR REPLACE FUNCTION doudi.stamp_who_when() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], doudi.clock_now(), TG_ARGV[1], doudi.acting_user()));
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.stamp_who_when() FROM PUBLIC;
