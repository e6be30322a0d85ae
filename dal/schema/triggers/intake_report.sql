-- A report stored or changed wakes every workstation listening on the
-- doudi_intake channel. Any role may LISTEN on any channel, so the payload
-- is empty: no name, no region; the workstation re-reads under its scope.
DROP TRIGGER IF EXISTS wake_desks ON doudi.intake_report;
CREATE TRIGGER wake_desks AFTER INSERT OR UPDATE ON doudi.intake_report
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.intake_wake_desks();
