-- The last day a department's liaison sees a household after its referral
-- closes today: today plus the joint_help parameter liaison_access_days
-- (calendar days) in force for the household's region, or today alone when
-- none is set. Fixed when the referral closes (referral.access_until).
CREATE OR REPLACE FUNCTION doudi.referral_access_until(p_region text) RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT doudi.clock_date() + coalesce((SELECT v.value::integer
                                        FROM doudi.parameter_value('joint_help', p_region, 'liaison_access_days',
                                                                   doudi.clock_date()) AS v
                                        WHERE v.unit = 'calendar_days'), 0)
$$;
REVOKE ALL ON FUNCTION doudi.referral_access_until(text) FROM PUBLIC;
