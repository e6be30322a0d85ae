-- The report standby (docs/deployment.md, "4. A read replica"): rosters,
-- statistics and exports are read from a streaming standby when it is at
-- most this far behind the primary, else from the primary. A dated limit
-- in seconds like the others of doudi.security_limit (the server's
-- superuser sets it; the most specific region prefix of the caller's scope
-- and then the latest date win), read by PgDatabase::ReadReportPosition.
INSERT INTO doudi.security_limit (key, value, unit, effective_from, note) VALUES
  ('report_standby_max_lag', 300, 'seconds', '2020-01-01',
   'rosters, statistics and exports read the report standby only while it is at most this far behind the primary');
