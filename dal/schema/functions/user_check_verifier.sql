CREATE OR REPLACE FUNCTION doudi.user_check_verifier(p_verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  -- Only a SCRAM verifier made by the client: a plain password would pass
  -- through the server's statement log.
  IF p_verifier IS NULL OR p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    RAISE EXCEPTION 'doudi:user.password_not_verifier' USING ERRCODE = 'invalid_password';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.user_check_verifier(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_check_verifier(text) TO doudi_user_manager;
