-- How close a deadline is, for the task list: none, on_time, due_soon
-- (today or within the due_soon_days parameter's working days), overdue, or
-- uncertain (counted over a year whose calendar is not loaded).
CREATE OR REPLACE FUNCTION doudi.deadline_status(p_due date, p_certain boolean, p_program text, p_region text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN p_due IS NULL THEN 'none'
    WHEN p_due < doudi.clock_date() THEN 'overdue'
    WHEN NOT p_certain THEN 'uncertain'
    -- A cheap bound first: over three weeks away is never due soon.
    WHEN p_due - doudi.clock_date() > 21 THEN 'on_time'
    WHEN doudi.working_days_between(doudi.clock_date(), p_due)
         <= coalesce((SELECT v.value::integer FROM doudi.case_parameter(p_program, p_region, 'due_soon_days') AS v), 0)
      THEN 'due_soon'
    ELSE 'on_time' END
$$;
REVOKE ALL ON FUNCTION doudi.deadline_status(date,boolean,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.deadline_status(date,boolean,text,text) TO doudi_user;
