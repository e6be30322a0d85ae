-- The trigger function of triggers/intake_report.sql: one empty
-- notification per statement on the doudi_intake channel (delivered at
-- commit, once per transaction).
CREATE OR REPLACE FUNCTION doudi.intake_wake_desks() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM pg_notify('doudi_intake', '');
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION doudi.intake_wake_desks() FROM PUBLIC;
