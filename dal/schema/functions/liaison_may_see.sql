-- May the calling department liaison see this household? Only while a
-- referral of it to their department (in their county) is open, and for
-- the joint_help parameter liaison_access_days (calendar days) after it
-- closed. Every policy that lets a liaison read a household's rows, and
-- doudi.caller_may_see, ask this one function.
CREATE OR REPLACE FUNCTION doudi.liaison_may_see(p_household_id bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM doudi.referral AS r
    JOIN doudi.app_user AS u ON u.role_name = session_user AND NOT u.disabled
    WHERE r.household_id = p_household_id AND r.department = u.department AND r.county_code = u.department_county
      AND r.region_code BETWEEN rpad(u.region_scope, 12, '0') AND rpad(u.region_scope, 12, '9')
      AND (r.closed_at IS NULL
           OR r.closed_at::date + coalesce((SELECT v.value::integer
                                            FROM doudi.parameter_value('joint_help', r.region_code,
                                                                       'liaison_access_days', doudi.clock_date()) AS v
                                            WHERE v.unit = 'calendar_days'), 0) >= doudi.clock_date()))
$$;
REVOKE ALL ON FUNCTION doudi.liaison_may_see(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.liaison_may_see(bigint) TO doudi_user, doudi_scope_reader;
