-- Upgrades and health checks (issue 18).
--
-- Each session of the workstation and of doudi-admin states the schema
-- version it was built for (SET doudi.client_schema = N, dal::pg::PgDatabase),
-- and doudi.require_client_schema() -- called by the caller's scope, group and
-- department functions every policy and entry function goes through --
-- refuses a request from a session whose version differs from this
-- database's: doudi:client.outdated (the database was migrated since the
-- program started) or doudi:client.newer. New refusal codes, hence a new
-- migration number (docs/architecture.md).
--
-- doudi-admin health logs in as a monitoring login, a member of pg_monitor
-- and of doudi_monitor. The group reads no table: it may only execute
-- doudi.health_summary(), which returns counts, times and sequence numbers
-- (the last screening run, the audit chain's last seal), no personal data.
-- Roles belong to the whole cluster: another database of the cluster may
-- have made it meanwhile.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'doudi_monitor') THEN
    CREATE ROLE doudi_monitor NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
