-- Makes the login role doudi-intake connects as (doudi-admin intake login
-- add): a member of doudi_intake, which may call the intake functions and
-- nothing else. The client computed the SCRAM verifier; the password never
-- reaches the server in clear.
CREATE OR REPLACE FUNCTION doudi.intake_login_add(p_role text, p_verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM doudi.require_staff_may('manage_intake_tokens');
  PERFORM doudi.user_check_verifier(p_verifier);
  PERFORM doudi.login_role_check_name(p_role);
  EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                 'PASSWORD %L IN ROLE doudi_intake', p_role, p_verifier);
  PERFORM doudi.login_role_limits(p_role);
END
$$;
ALTER FUNCTION doudi.intake_login_add(text,text) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.intake_login_add(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_login_add(text,text) TO doudi_center_admin;
