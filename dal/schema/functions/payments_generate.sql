-- Payments. A case pays from its first benefit's month while it is being
-- paid (or until the month it was terminated), at the benefit in force that
-- month; a one-off grant is paid in the month it was decided, once payment
-- has started.
CREATE OR REPLACE FUNCTION doudi.payments_generate(p_month date) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  month_start date := date_trunc('month', p_month)::date;
  written integer;
  more integer;
BEGIN
  PERFORM doudi.require_staff_may('generate_payments');
  INSERT INTO doudi.payment_line (case_id, household_id, region_code, program, month, kind, amount_fen)
  SELECT c.id, c.household_id, c.region_code, c.program, month_start, 'monthly', b.monthly_fen
  FROM doudi.assistance_case AS c
  CROSS JOIN LATERAL (SELECT x.monthly_fen FROM doudi.case_benefit AS x
                      WHERE x.case_id = c.id AND x.effective_month <= month_start
                      ORDER BY x.effective_month DESC, x.id DESC LIMIT 1) AS b
  WHERE doudi.caller_may_see(c.household_id, c.region_code)
    AND (c.state IN ('in_payment', 'under_review', 'adjusted', 'gradual_exit')
         OR (c.state = 'terminated' AND c.benefit_end_month >= month_start))
    AND (c.benefit_end_month IS NULL OR c.benefit_end_month >= month_start)
    AND b.monthly_fen > 0
  ON CONFLICT (case_id, month, kind) DO NOTHING;
  GET DIAGNOSTICS written = ROW_COUNT;
  INSERT INTO doudi.payment_line (case_id, household_id, region_code, program, month, kind, amount_fen, fund_code)
  SELECT c.id, c.household_id, c.region_code, c.program, month_start, 'one_off', b.one_off_fen, b.fund_code
  FROM doudi.assistance_case AS c
  JOIN doudi.case_benefit AS b ON b.case_id = c.id
  WHERE doudi.caller_may_see(c.household_id, c.region_code)
    AND c.state IN ('in_payment', 'under_review', 'adjusted', 'gradual_exit', 'terminated')
    AND date_trunc('month', b.decided_on) = month_start AND b.one_off_fen > 0
  ON CONFLICT (case_id, month, kind) DO NOTHING;
  GET DIAGNOSTICS more = ROW_COUNT;
  RETURN written + more;
END
$$;
REVOKE ALL ON FUNCTION doudi.payments_generate(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.payments_generate(date) TO doudi_finance_officer, doudi_center_admin;
