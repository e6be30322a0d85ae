-- The households the calling department liaison may see: those with a
-- referral to their department (in their county and scope) that is open or
-- closed no longer than the joint_help parameter liaison_access_days
-- (calendar days, counted when it closed: referral.access_until) ago.
-- Empty for anybody else. Policies ask it once per statement
-- (`(SELECT doudi.liaison_household_ids()) @> ARRAY[household_id]`, an
-- InitPlan, and a containment test that no index takes, so that the
-- planner never probes an index once per element), so a liaison's list
-- costs one look at their referrals rather than one per row.
CREATE OR REPLACE FUNCTION doudi.liaison_household_ids() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT r.household_id), '{}')
  FROM doudi.app_user AS u
  JOIN doudi.referral AS r ON r.department = u.department AND r.county_code = u.department_county
  WHERE u.role_name = session_user AND NOT u.disabled AND u.group_role = 'department_liaison'
    AND r.region_code BETWEEN rpad(u.region_scope, 12, '0') AND rpad(u.region_scope, 12, '9')
    AND (r.access_until IS NULL OR r.access_until >= (SELECT doudi.clock_date()))
$$;
REVOKE ALL ON FUNCTION doudi.liaison_household_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.liaison_household_ids() TO doudi_user, doudi_scope_reader;
