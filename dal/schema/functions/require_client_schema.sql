-- Refuses a request from a program built for another schema version than
-- this database's (docs/deployment.md, "Upgrading"). The workstation and
-- doudi-admin state theirs right after connecting (doudi.client_schema, set
-- by dal::pg::PgDatabase); a session that states none (psql, pg_cron's
-- screening, doudi-intake, db migrate's own transaction) is never refused
-- here: this guards against old SQL running on a new schema, it is not a
-- security boundary. Called by the caller's scope, group and department
-- functions (session_scope, session_group, session_department), which every
-- row-level security policy (through scope_low and scope_high) and every desk
-- entry function calls, so
-- `db migrate` on the primary makes a connected older desk's next request
-- fail with doudi:client.outdated rather than run against the new schema.
-- The database's version is the highest applied migration; a successful
-- check is remembered for the rest of the statement (statement_timestamp()),
-- so a policy evaluated per row reads doudi.schema_migration once. No SET
-- clause: nobody but the owner may execute it, it runs inside those three
-- SECURITY DEFINER functions under their pinned search_path, and a SET clause
-- of its own would cost more than the check (docs/benchmarks.md, "Upgrades").
CREATE OR REPLACE FUNCTION doudi.require_client_schema() RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
  stated CONSTANT text := coalesce(current_setting('doudi.client_schema', true), '');
  checked CONSTANT text := stated || '@' || statement_timestamp()::text;
  database_version integer;
BEGIN
  IF stated = '' OR current_setting('doudi.client_schema_checked', true) = checked THEN
    RETURN;
  END IF;
  SELECT max(m.version) INTO database_version FROM doudi.schema_migration AS m;
  IF stated ~ '^[0-9]{1,9}$' AND stated::integer > database_version THEN
    RAISE EXCEPTION 'doudi:client.newer'
      USING DETAIL = json_build_object('client_schema', stated, 'database_schema', database_version)::text,
            ERRCODE = 'RD000';
  ELSIF stated IS DISTINCT FROM database_version::text THEN
    RAISE EXCEPTION 'doudi:client.outdated'
      USING DETAIL = json_build_object('client_schema', stated, 'database_schema', database_version)::text,
            ERRCODE = 'RD000';
  END IF;
  PERFORM set_config('doudi.client_schema_checked', checked, false);
END
$$;
REVOKE ALL ON FUNCTION doudi.require_client_schema() FROM PUBLIC;
