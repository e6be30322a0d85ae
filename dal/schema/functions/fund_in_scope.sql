-- Refuses (doudi:fund.out_of_scope) a fund area outside the caller's scope:
-- a center administrator adds and tops up the funds of their own area (the
-- rule of doudi.charity_fund's policy admins_add_in_scope).
CREATE OR REPLACE FUNCTION doudi.fund_in_scope(p_fund text, p_region_prefix text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT (doudi.session_is_superuser()
          OR rpad(p_region_prefix, 12, '0') BETWEEN doudi.scope_low() AND doudi.scope_high()) THEN
    RAISE EXCEPTION 'doudi:fund.out_of_scope'
      USING DETAIL = json_build_object('fund', p_fund, 'region', p_region_prefix)::text, ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.fund_in_scope(text,text) FROM PUBLIC;
