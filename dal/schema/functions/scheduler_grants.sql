-- Lets doudi_scheduler use pg_cron when the superuser has created the
-- extension in this database (docs/deployment.md section 5): usage of
-- schema cron, cron.schedule_in_database (which pg_cron grants nobody) and
-- connecting to this database; cron.unschedule is PUBLIC's already. Does
-- nothing without the extension: the migrations never create it. `db
-- migrate` calls it every time, as the superuser, so migrating again after
-- CREATE EXTENSION is all it takes. No staff group gets any of this: with
-- usage of schema cron anybody could run SQL of theirs on a schedule.
CREATE OR REPLACE PROCEDURE doudi.scheduler_grants()
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN
    RETURN;
  END IF;
  -- Dynamic: schema cron is not there to check where pg_cron is not.
  EXECUTE 'GRANT USAGE ON SCHEMA cron TO doudi_scheduler';
  EXECUTE 'GRANT EXECUTE ON FUNCTION cron.schedule_in_database(text, text, text, text, text, boolean) '
          'TO doudi_scheduler';
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO doudi_scheduler', current_database());
END
$$;
REVOKE ALL ON PROCEDURE doudi.scheduler_grants() FROM PUBLIC;
