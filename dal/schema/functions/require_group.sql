-- Refuses (42501) a caller outside the groups (the superuser passes).
CREATE OR REPLACE FUNCTION doudi.require_group(p_groups text[], p_what text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT (doudi.session_is_superuser() OR coalesce(doudi.session_group(), '') = ANY (p_groups)) THEN
    RAISE EXCEPTION 'doudi:staff.wrong_group'
      USING DETAIL = json_build_object('action', p_what, 'groups', p_groups)::text, ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.require_group(text[],text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.require_group(text[],text) TO doudi_watchdog;
