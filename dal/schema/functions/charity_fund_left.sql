-- What a fund has left: its amount less every grant decided from it.
-- Definer: a fund may serve a wider area than the caller sees.
CREATE OR REPLACE FUNCTION doudi.charity_fund_left(p_code text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT f.amount_fen - coalesce((SELECT sum(b.one_off_fen) FROM doudi.case_benefit AS b WHERE b.fund_code = f.code), 0)
  FROM doudi.charity_fund AS f WHERE f.code = p_code
$$;
REVOKE ALL ON FUNCTION doudi.charity_fund_left(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.charity_fund_left(text) TO doudi_user;
