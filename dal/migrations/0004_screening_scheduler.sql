-- The role the daily screening runs as inside the server (pg_cron,
-- docs/deployment.md section 5). pg_cron 1.4 gives a job to the role that
-- schedules it unless a superuser names another, so the job is scheduled
-- from a SECURITY DEFINER function this role owns
-- (doudi.screening_schedule) and runs as it. It has LOGIN because
-- PostgreSQL 15 starts no background worker, pg_cron's jobs included, for a
-- role without it ("role ... is not permitted to log in"), and no password,
-- so that no scram-sha-256 line of pg_hba.conf lets anybody log in as it.
-- It may call doudi.screen and the scheduling functions' helpers, nothing
-- more (their files grant it); every `db migrate` lets it use pg_cron when
-- the superuser has created the extension (doudi.scheduler_grants).
-- Roles belong to the whole cluster: several databases may run this at
-- once (the tests do), and one may find the role made meanwhile.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'doudi_scheduler') THEN
    CREATE ROLE doudi_scheduler LOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
-- The scheduling functions it owns check the caller's capability
-- (doudi.staff_may asks this migration-made function).
GRANT EXECUTE ON FUNCTION doudi.session_is_superuser() TO doudi_scheduler;
