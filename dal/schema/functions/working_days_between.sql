-- Working days after p_from up to and including p_to (0 when p_to <= p_from),
-- as doudi.is_working_day counts each day, in one step: the weekdays of the
-- range (counted from a Monday long ago), less the public holidays on
-- weekdays, plus the make-up working days (always on a weekend), each of
-- the range's calendar exceptions read once through the primary key —
-- lists compute it for every open item.
CREATE OR REPLACE FUNCTION doudi.working_days_between(p_from date, p_to date) RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN p_to <= p_from THEN 0 ELSE
    (((p_to - DATE '1900-01-01') / 7) * 5 + least((p_to - DATE '1900-01-01') % 7 + 1, 5))
    - (((p_from - DATE '1900-01-01') / 7) * 5 + least((p_from - DATE '1900-01-01') % 7 + 1, 5))
    + coalesce((SELECT sum(CASE WHEN e.kind = 'make_up_workday' THEN 1
                                WHEN extract(isodow FROM e.day) < 6 THEN -1 ELSE 0 END)::integer
                FROM doudi.calendar_exception AS e WHERE e.day > p_from AND e.day <= p_to), 0)
  END
$$;
REVOKE ALL ON FUNCTION doudi.working_days_between(date,date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.working_days_between(date,date) TO doudi_user;
