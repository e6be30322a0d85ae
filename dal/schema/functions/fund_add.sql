-- Adds a charity fund (X): its code, name, donor, the area its grants may
-- go to (a region code prefix within the caller's scope), money or in kind
-- (valued in fen) and its first amount; later money comes as top-ups
-- (doudi.fund_top_up). The same fund sent again is answered as done; a code
-- taken by another fund is refused.
CREATE OR REPLACE FUNCTION doudi.fund_add(p_code text, p_name text, p_donor text, p_region_prefix text,
                                          p_kind text, p_amount_fen bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  max_fen constant bigint := 100000000000;  -- 10亿元, as a top-up
  f doudi.charity_fund;
BEGIN
  PERFORM doudi.require_staff_may('add_charity_fund');
  IF p_code IS NULL OR p_code !~ '^[a-z][a-z0-9_]{0,39}$' THEN
    RAISE EXCEPTION 'doudi:fund.bad_code' USING DETAIL = json_build_object('fund', p_code)::text, ERRCODE = 'RD000';
  END IF;
  IF coalesce(btrim(p_name), '') = '' OR char_length(p_name) > 100 THEN
    RAISE EXCEPTION 'doudi:fund.name_required' USING ERRCODE = 'RD000';
  END IF;
  IF coalesce(btrim(p_donor), '') = '' OR char_length(p_donor) > 100 THEN
    RAISE EXCEPTION 'doudi:fund.donor_required' USING ERRCODE = 'RD000';
  END IF;
  IF p_region_prefix IS NULL OR p_region_prefix !~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$' THEN
    RAISE EXCEPTION 'doudi:fund.bad_region'
      USING DETAIL = json_build_object('region', p_region_prefix)::text, ERRCODE = 'RD000';
  END IF;
  IF p_kind IS NULL OR p_kind NOT IN ('money', 'in_kind') THEN
    RAISE EXCEPTION 'doudi:fund.bad_kind' USING DETAIL = json_build_object('kind', p_kind)::text, ERRCODE = 'RD000';
  END IF;
  IF p_amount_fen IS NULL OR p_amount_fen <= 0 OR p_amount_fen > max_fen THEN
    RAISE EXCEPTION 'doudi:fund.bad_amount'
      USING DETAIL = json_build_object('amount_fen', p_amount_fen, 'max_fen', max_fen)::text, ERRCODE = 'RD000';
  END IF;
  PERFORM doudi.fund_in_scope(p_code, p_region_prefix);
  PERFORM pg_advisory_xact_lock(hashtextextended(p_code, 16));
  SELECT * INTO f FROM doudi.charity_fund AS x WHERE x.code = p_code;
  IF FOUND THEN
    IF (f.name, f.donor, f.region_prefix, f.kind, f.amount_fen)
       IS NOT DISTINCT FROM (btrim(p_name), btrim(p_donor), p_region_prefix, p_kind, p_amount_fen) THEN
      RETURN;
    END IF;
    RAISE EXCEPTION 'doudi:fund.code_taken' USING DETAIL = json_build_object('fund', p_code)::text, ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.charity_fund (code, name, donor, region_prefix, kind, amount_fen, created_at, created_by)
  VALUES (p_code, btrim(p_name), btrim(p_donor), p_region_prefix, p_kind, p_amount_fen, doudi.clock_now(),
          doudi.acting_user());
END
$$;
REVOKE ALL ON FUNCTION doudi.fund_add(text,text,text,text,text,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.fund_add(text,text,text,text,text,bigint) TO doudi_center_admin;
