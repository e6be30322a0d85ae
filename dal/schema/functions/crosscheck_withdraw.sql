-- `doudi-admin crosscheck withdraw`: a batch imported by mistake stops
-- counting (its rows stay, append-only, and are no longer in force), and
-- the rules that read its kind screen the persons it named again; an open
-- alert that rested on its rows and is no longer found is closed as a false
-- alarm. Refuses a batch the caller cannot see like one that does not exist.
CREATE OR REPLACE FUNCTION doudi.crosscheck_withdraw(p_batch bigint, p_reason text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  b record;
  touched text[];
BEGIN
  PERFORM doudi.require_staff_may('withdraw_crosscheck');
  IF coalesce(btrim(p_reason), '') = '' THEN
    RAISE EXCEPTION 'doudi:crosscheck.reason_required' USING ERRCODE = 'RD000';
  END IF;
  SELECT x.id, x.kind, x.withdrawn_at, x.imported_by, x.region_low, x.region_high INTO b
  FROM doudi.crosscheck_batch AS x WHERE x.id = p_batch FOR UPDATE;
  IF NOT FOUND OR NOT (doudi.session_is_superuser() OR b.imported_by = session_user
                       OR (b.region_low >= doudi.scope_low() AND b.region_high <= doudi.scope_high())) THEN
    RAISE EXCEPTION 'doudi:crosscheck.batch_not_found'
      USING DETAIL = json_build_object('batch', p_batch)::text, ERRCODE = 'no_data_found';
  END IF;
  IF b.withdrawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:crosscheck.already_withdrawn'
      USING DETAIL = json_build_object('batch', p_batch)::text, ERRCODE = 'RD000';
  END IF;
  UPDATE doudi.crosscheck_batch AS x
  SET withdrawn_at = now(), withdrawn_by = session_user, withdraw_reason = btrim(p_reason)
  WHERE x.id = p_batch;
  SELECT array_agg(DISTINCT r.id_number) INTO touched FROM doudi.crosscheck_row AS r WHERE r.batch_id = p_batch;
  PERFORM doudi.screen_apply((SELECT array_agg(a.code ORDER BY a.position) FROM doudi.alert_rule AS a
                              WHERE a.reads @> ARRAY[b.kind]),
                             NULL, 'withdraw', p_batch, coalesce(touched, '{}'));
END
$$;
REVOKE ALL ON FUNCTION doudi.crosscheck_withdraw(bigint,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.crosscheck_withdraw(bigint,text) TO doudi_center_admin;
