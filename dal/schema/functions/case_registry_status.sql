-- The registry status follows a case's decisions: an approval of a program
-- that gives one (doudi.program.registry_status: 低保, 低保边缘, 特困) sets
-- the household's status; a termination takes it back to the status of
-- another approved case of the household still running, or 'none' — only
-- while the status is still the one this program gave (a status set by
-- hand to something else is left alone). The change is written to
-- doudi.registry_status_change by the household's trigger, with the case
-- as its reason.
CREATE OR REPLACE FUNCTION doudi.case_registry_status(c doudi.assistance_case) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  given text := (SELECT g.registry_status FROM doudi.program AS g WHERE g.code = c.program);
  status text;
BEGIN
  IF given IS NULL THEN RETURN; END IF;
  IF c.state = 'decided_approved' THEN
    status := given;
  ELSIF c.state = 'terminated' THEN
    IF (SELECT h.registry_status FROM doudi.household AS h WHERE h.id = c.household_id) <> given THEN RETURN; END IF;
    status := coalesce((SELECT g.registry_status FROM doudi.assistance_case AS a JOIN doudi.program AS g ON g.code = a.program
                        WHERE a.household_id = c.household_id AND a.id <> c.id AND g.registry_status IS NOT NULL
                          AND a.state IN ('decided_approved', 'notified', 'in_payment', 'under_review', 'adjusted',
                                          'gradual_exit')
                        ORDER BY a.decided_on DESC NULLS LAST, a.id DESC LIMIT 1), 'none');
  ELSE
    RETURN;
  END IF;
  PERFORM set_config('doudi.status_reason',
                     CASE WHEN c.state = 'terminated' THEN '案件' || c.id || '终止' ELSE '案件' || c.id || '批准' END, true);
  UPDATE doudi.household AS h SET registry_status = status
  WHERE h.id = c.household_id AND h.registry_status IS DISTINCT FROM status;
  PERFORM set_config('doudi.status_reason', '', true);
END
$$;
REVOKE ALL ON FUNCTION doudi.case_registry_status(doudi.assistance_case) FROM PUBLIC;
