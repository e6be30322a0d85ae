-- What doudi-admin health needs from Doudi's own tables, for a monitoring
-- login (a member of doudi_monitor and pg_monitor, docs/deployment.md
-- "Health checks"), which reads no table itself: counts, times and sequence
-- numbers only, no personal data.
--   schema_version           the highest migration applied
--   screening_*              the last finished screening run: when it started
--                            and finished, its trigger (manual, schedule,
--                            batch, withdraw) and the alerts it raised;
--                            screening_running_since: the start of the oldest
--                            run not finished (NULL: none running)
--   seal_seq, sealed_at      the audit chain's last seal (docs/audit.md)
--   pending_transactions     committed transactions whose audit rows await
--                            their seal, and the time of the oldest such row
CREATE OR REPLACE FUNCTION doudi.health_summary()
RETURNS TABLE (schema_version integer, screening_started_at timestamptz, screening_finished_at timestamptz,
               screening_trigger text, screening_raised integer, screening_running_since timestamptz,
               seal_seq bigint, sealed_at timestamptz, pending_transactions bigint, oldest_pending_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT (SELECT max(m.version) FROM doudi.schema_migration AS m),
         r.started_at, r.finished_at, r.trigger, r.raised,
         (SELECT min(u.started_at) FROM doudi.screening_run AS u WHERE u.finished_at IS NULL),
         s.seq, s.sealed_at,
         (SELECT count(*) FROM doudi.audit_pending),
         (SELECT min(a.at) FROM doudi.audit_row AS a WHERE a.txid IN (SELECT p.txid FROM doudi.audit_pending AS p))
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (SELECT x.started_at, x.finished_at, x.trigger, x.raised FROM doudi.screening_run AS x
                     WHERE x.finished_at IS NOT NULL ORDER BY x.finished_at DESC LIMIT 1) AS r ON true
  LEFT JOIN LATERAL (SELECT e.seq, e.sealed_at FROM doudi.audit_seal AS e ORDER BY e.seq DESC LIMIT 1) AS s ON true
$$;
REVOKE ALL ON FUNCTION doudi.health_summary() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.health_summary() TO doudi_monitor;
