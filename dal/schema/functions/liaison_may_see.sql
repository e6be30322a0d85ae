-- May the calling department liaison see this household? Only while a
-- referral of it to their department (in their county) is open, and for
-- the joint_help parameter liaison_access_days (calendar days) after it
-- closed: one of doudi.liaison_household_ids(), which every policy that
-- lets a liaison read a household's rows asks too.
CREATE OR REPLACE FUNCTION doudi.liaison_may_see(p_household_id bigint) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT p_household_id = ANY (doudi.liaison_household_ids())
$$;
REVOKE ALL ON FUNCTION doudi.liaison_may_see(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.liaison_may_see(bigint) TO doudi_user, doudi_scope_reader;
