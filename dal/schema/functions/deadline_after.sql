-- A deadline p_count units after p_start, as the model's
-- WorkingDayCalendar::Add counts it: the start day does not count; working
-- days skip weekends and holidays and count make-up working days; calendar
-- days and months ignore the calendar (months clamp to a shorter month's
-- end). certain is false when a working-day count crosses a year without a
-- loaded notice (the count then takes weekdays alone for that year).
CREATE OR REPLACE FUNCTION doudi.deadline_after(p_start date, p_count integer, p_unit text, OUT due date, OUT certain boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  left_to_count integer := p_count;
BEGIN
  IF p_count < 0 OR p_count > 3660 THEN
    RAISE EXCEPTION 'doudi:deadline.out_of_range'
      USING DETAIL = json_build_object('count', p_count, 'unit', p_unit)::text, ERRCODE = 'invalid_parameter_value';
  END IF;
  certain := true;
  CASE p_unit
    WHEN 'calendar_days' THEN due := p_start + p_count;
    WHEN 'months' THEN due := (p_start + make_interval(months => p_count))::date;
    WHEN 'working_days' THEN
      due := p_start;
      WHILE left_to_count > 0 LOOP
        due := due + 1;
        IF doudi.is_working_day(due) THEN left_to_count := left_to_count - 1; END IF;
      END LOOP;
      -- Only the days after the start up to the deadline matter (none for 0).
      certain := p_count = 0 OR doudi.calendar_covers(p_start + 1, due);
    ELSE RAISE EXCEPTION 'doudi:deadline.unknown_unit'
           USING DETAIL = json_build_object('unit', p_unit)::text, ERRCODE = 'invalid_parameter_value';
  END CASE;
END
$$;
REVOKE ALL ON FUNCTION doudi.deadline_after(date,integer,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.deadline_after(date,integer,text) TO doudi_user;
