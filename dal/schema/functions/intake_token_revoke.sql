-- Revokes a reporter's token at once: the server refuses it from the next
-- request on. A token outside the administrator's scope is refused like one
-- that does not exist; revoking twice changes nothing.
CREATE OR REPLACE FUNCTION doudi.intake_token_revoke(p_id bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t doudi.intake_token;
BEGIN
  PERFORM doudi.require_staff_may('manage_intake_tokens');
  SELECT * INTO t FROM doudi.intake_token AS x WHERE x.id = p_id FOR UPDATE;
  IF NOT FOUND OR NOT doudi.caller_may_see(NULL, rpad(t.region_code, 12, '0')) THEN
    RAISE EXCEPTION 'doudi:intake.token_unknown' USING DETAIL = json_build_object('id', p_id)::text,
          ERRCODE = 'RD000';
  END IF;
  IF t.revoked_at IS NULL THEN
    UPDATE doudi.intake_token SET revoked_at = now(), revoked_by = doudi.acting_user() WHERE id = p_id;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_token_revoke(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.intake_token_revoke(bigint) TO doudi_center_admin;
