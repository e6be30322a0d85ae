-- Checks an amount against the caps in force. Refuses (RD000) a part above
-- zero without a cap (amount.no_bound), a part above its cap without a
-- reason (amount.over_cap), and one above cap_exception_percent of its cap
-- even with a reason (amount.over_limit; no such parameter in force: no
-- exceptions). above_cap tells whether the amount is an exception.
CREATE OR REPLACE FUNCTION doudi.case_check_amount(c doudi.assistance_case, p_monthly_fen bigint, p_one_off_fen bigint,
                                        p_reason text, OUT monthly_cap numeric, OUT one_off_cap numeric,
                                        OUT above_cap boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  caps record;
  part record;
  exception_percent numeric;
BEGIN
  SELECT * INTO caps FROM doudi.case_amount_caps(c);
  monthly_cap := caps.monthly_cap;
  one_off_cap := caps.one_off_cap;
  above_cap := false;
  FOR part IN SELECT * FROM (VALUES ('monthly', p_monthly_fen::numeric, caps.monthly_cap, caps.monthly_rule),
                                    ('one_off', p_one_off_fen::numeric, caps.one_off_cap, caps.one_off_rule))
                            AS v (what, fen, cap, rule)
              WHERE v.fen > 0 LOOP
    IF part.cap IS NULL THEN
      RAISE EXCEPTION 'doudi:amount.no_bound'
        USING DETAIL = json_build_object('part', part.what, 'program', c.program, 'region', c.region_code,
                                         'parameter', part.rule)::text,
              ERRCODE = 'RD000';
    END IF;
    IF part.fen > part.cap THEN
      IF coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'doudi:amount.over_cap'
          USING DETAIL = json_build_object('part', part.what, 'amount_fen', part.fen, 'cap_fen', part.cap,
                                           'parameter', part.rule)::text,
                ERRCODE = 'RD000';
      END IF;
      SELECT v.value::numeric INTO exception_percent FROM doudi.case_parameter(c.program, c.region_code, 'cap_exception_percent') AS v
      WHERE v.unit = 'percent';
      IF exception_percent IS NULL THEN
        RAISE EXCEPTION 'doudi:amount.over_limit'
          USING DETAIL = json_build_object('part', part.what, 'amount_fen', part.fen, 'limit_fen', part.cap,
                                           'cap_fen', part.cap, 'parameter', part.rule)::text,
                ERRCODE = 'RD000';
      END IF;
      IF part.fen * 100 > part.cap * exception_percent THEN
        RAISE EXCEPTION 'doudi:amount.over_limit'
          USING DETAIL = json_build_object('part', part.what, 'amount_fen', part.fen,
                                           'limit_fen', floor(part.cap * exception_percent / 100), 'cap_fen', part.cap,
                                           'parameter', part.rule)::text,
                ERRCODE = 'RD000';
      END IF;
      above_cap := true;
    END IF;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_check_amount(doudi.assistance_case,bigint,bigint,text) FROM PUBLIC;
