-- The caps in force today for a case's monthly amount and one-off grant,
-- NULL where none is, each with the rule it comes from.
CREATE OR REPLACE FUNCTION doudi.case_amount_caps(c doudi.assistance_case, OUT monthly_cap numeric, OUT monthly_rule text,
                                       OUT one_off_cap numeric, OUT one_off_rule text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  today date := doudi.clock_date();
  size integer;
  standard numeric;
  basic numeric;
BEGIN
  IF c.program = 'dibao' THEN
    SELECT count(*) INTO size FROM doudi.person AS p WHERE p.household_id = c.household_id AND p.left_on IS NULL;
    standard := doudi.fen_parameter('dibao', c.region_code, 'standard_per_person', today);
    monthly_rule := format('dibao.standard_per_person × %s members', size);
    IF standard IS NOT NULL THEN
      monthly_cap := greatest(standard * size,
                              coalesce(doudi.fen_parameter('dibao', c.region_code, 'minimum_per_household', today), 0));
    END IF;
  ELSIF c.program = 'destitute' THEN
    basic := doudi.fen_parameter('destitute', c.region_code, 'destitute_basic', today);
    monthly_rule := 'destitute.destitute_basic + the highest destitute_care_*';
    IF basic IS NOT NULL THEN
      monthly_cap := basic + greatest(
        coalesce(doudi.fen_parameter('destitute', c.region_code, 'destitute_care_able', today), 0),
        coalesce(doudi.fen_parameter('destitute', c.region_code, 'destitute_care_partial', today), 0),
        coalesce(doudi.fen_parameter('destitute', c.region_code, 'destitute_care_full', today), 0));
    END IF;
  ELSE
    monthly_rule := c.program || '.monthly_cap';
    monthly_cap := doudi.fen_parameter(c.program, c.region_code, 'monthly_cap', today);
  END IF;
  one_off_rule := c.program || CASE WHEN c.program = 'temporary' THEN '.temporary_cap' ELSE '.one_off_cap' END;
  one_off_cap := doudi.fen_parameter(c.program, c.region_code, split_part(one_off_rule, '.', 2), today);
END
$$;
REVOKE ALL ON FUNCTION doudi.case_amount_caps(doudi.assistance_case) FROM PUBLIC;
