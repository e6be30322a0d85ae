-- Charges the caller's counter with p_hits persons found registered outside
-- their scope. Refuses (54000, doudi:registry.cross_scope_limit):
--  * once today's limit is used up, any request that names a person not
--    registered in the caller's scope (p_unknown > 0), before answering it:
--    otherwise a refusal or its absence would itself answer the question;
--  * a request whose hits pass the limit (they are counted all the same).
CREATE OR REPLACE FUNCTION doudi.cross_scope_charge(p_hits integer, p_unknown integer) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  counter regclass;
  day_base bigint := (doudi.limit_day() - date '2000-01-01')::bigint * 1000000000;
  last bigint;
  used bigint;
  allowed bigint := coalesce(doudi.security_limit_value('cross_scope_id_checks_per_day', doudi.session_scope(),
                                                        doudi.limit_day()), 0);
BEGIN
  IF doudi.session_is_superuser() OR (coalesce(p_hits, 0) = 0 AND coalesce(p_unknown, 0) = 0) THEN
    RETURN;
  END IF;
  counter := doudi.cross_scope_counter(session_user);
  PERFORM pg_advisory_xact_lock(hashtext('doudi.cross_scope_checks'), hashtext(session_user));
  EXECUTE format('SELECT last_value FROM %s', counter) INTO last;
  used := CASE WHEN last >= day_base THEN last - day_base ELSE 0 END;
  IF used >= allowed AND p_unknown > 0 THEN
    RAISE EXCEPTION 'doudi:registry.cross_scope_limit'
      USING ERRCODE = 'program_limit_exceeded',
            DETAIL = json_build_object('limit', allowed)::text,
            HINT = 'today''s checks of ID numbers outside your scope are used up';
  END IF;
  IF p_hits > 0 THEN
    PERFORM setval(counter, day_base + used + p_hits);
    IF used + p_hits > allowed THEN
      RAISE EXCEPTION 'doudi:registry.cross_scope_limit'
        USING ERRCODE = 'program_limit_exceeded',
              DETAIL = json_build_object('limit', allowed)::text,
              HINT = 'today''s checks of ID numbers outside your scope are used up';
    END IF;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.cross_scope_charge(integer,integer) FROM PUBLIC;
