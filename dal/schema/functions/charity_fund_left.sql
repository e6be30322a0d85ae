-- What a fund has left: its amount and every top-up, less every grant
-- decided from it (a charity case's one-off amount, which its payment line
-- pays) and every help recorded as given by it (a corrected record counts
-- no more; its correction does). Never above the largest bigint.
-- Definer: a fund may serve a wider area than the caller sees.
CREATE OR REPLACE FUNCTION doudi.charity_fund_left(p_code text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT least(f.amount_fen::numeric
               + coalesce((SELECT sum(t.amount_fen) FROM doudi.charity_fund_topup AS t WHERE t.fund_code = f.code), 0)
               - coalesce((SELECT sum(b.one_off_fen) FROM doudi.case_benefit AS b WHERE b.fund_code = f.code), 0)
               - coalesce((SELECT sum(h.amount_fen) FROM doudi.help_record AS h
                           WHERE h.fund_code = f.code AND h.giver_kind = 'fund'
                             AND NOT EXISTS (SELECT FROM doudi.help_record AS c WHERE c.corrects_id = h.id)), 0),
               9223372036854775807)::bigint
  FROM doudi.charity_fund AS f WHERE f.code = p_code
$$;
REVOKE ALL ON FUNCTION doudi.charity_fund_left(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.charity_fund_left(text) TO doudi_user;
