-- A household's registry status as it changes, one row per change, dated by
-- the database's clock (today, but for the set-up superuser building the
-- demo's history: doudi.clock_date).
CREATE OR REPLACE FUNCTION doudi.household_record_status() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO doudi.registry_status_change (household_id, region_code, status, since, reason)
    SELECT n.id, n.region_code, n.registry_status, doudi.clock_date(), coalesce(current_setting('doudi.status_reason', true), '')
    FROM new_rows AS n;
  ELSE
    INSERT INTO doudi.registry_status_change (household_id, region_code, status, since, reason)
    SELECT n.id, n.region_code, n.registry_status, doudi.clock_date(), coalesce(current_setting('doudi.status_reason', true), '')
    FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
    WHERE n.registry_status IS DISTINCT FROM o.registry_status;
  END IF;
  RETURN NULL;
END
$$;
ALTER FUNCTION doudi.household_record_status() SECURITY DEFINER;
REVOKE ALL ON FUNCTION doudi.household_record_status() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_record_status() TO doudi_user;
