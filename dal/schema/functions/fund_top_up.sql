-- Tops up a charity fund (a donation, a transfer) in the caller's scope:
-- the amount in fen, where it came from, the day it was received. Returns
-- the top-up's id; the same request again returns it and adds nothing.
CREATE OR REPLACE FUNCTION doudi.fund_top_up(p_request uuid, p_fund text, p_amount_fen bigint, p_source text,
                                             p_received_on date) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  max_fen constant bigint := 100000000000;  -- the table's bound: 10亿元
  f doudi.charity_fund;
  done doudi.charity_fund_topup;
  new_id bigint;
BEGIN
  PERFORM doudi.require_staff_may('top_up_fund');
  IF p_request IS NULL THEN
    RAISE EXCEPTION 'doudi:fund.request_missing' USING ERRCODE = 'RD000';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_request::text, 16));
  SELECT * INTO done FROM doudi.charity_fund_topup AS t WHERE t.request_id = p_request;
  IF FOUND THEN
    IF done.fund_code IS DISTINCT FROM p_fund THEN
      RAISE EXCEPTION 'doudi:fund.request_reused'
        USING DETAIL = json_build_object('request_id', p_request)::text, ERRCODE = 'RD000';
    END IF;
    RETURN done.id;
  END IF;
  SELECT * INTO f FROM doudi.charity_fund AS x WHERE x.code = p_fund;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'doudi:fund.not_found' USING DETAIL = json_build_object('fund', p_fund)::text, ERRCODE = 'RD000';
  END IF;
  PERFORM doudi.fund_in_scope(p_fund, f.region_prefix);
  IF p_amount_fen IS NULL OR p_amount_fen <= 0 OR p_amount_fen > max_fen THEN
    RAISE EXCEPTION 'doudi:fund.bad_amount'
      USING DETAIL = json_build_object('amount_fen', p_amount_fen, 'max_fen', max_fen)::text, ERRCODE = 'RD000';
  END IF;
  IF coalesce(btrim(p_source), '') = '' OR char_length(p_source) > 100 THEN
    RAISE EXCEPTION 'doudi:fund.source_required' USING DETAIL = json_build_object('fund', p_fund)::text,
      ERRCODE = 'RD000';
  END IF;
  IF p_received_on IS NULL OR p_received_on > doudi.clock_date() OR p_received_on < DATE '2000-01-01' THEN
    RAISE EXCEPTION 'doudi:fund.bad_date'
      USING DETAIL = json_build_object('received_on', p_received_on, 'today', doudi.clock_date())::text,
            ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.charity_fund_topup (request_id, fund_code, amount_fen, source, received_on, added_at, added_by)
  VALUES (p_request, p_fund, p_amount_fen, btrim(p_source), p_received_on, doudi.clock_now(), doudi.acting_user())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.fund_top_up(uuid,text,bigint,text,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.fund_top_up(uuid,text,bigint,text,date) TO doudi_center_admin;
