-- A key keeps one unit within its program: a standard in fen in one county
-- and in percent in the next, or a deadline in working days before a change
-- and calendar days after it, would be read wrongly by whoever counts.
CREATE OR REPLACE FUNCTION doudi.program_parameter_same_unit() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  known text;
BEGIN
  -- Two administrators adding the first rows of a key at once: one waits.
  PERFORM pg_advisory_xact_lock(hashtext('doudi.program_parameter'), hashtext(NEW.program || '.' || NEW.key));
  SELECT p.unit INTO known FROM doudi.program_parameter AS p
  WHERE p.program = NEW.program AND p.key = NEW.key AND p.unit <> NEW.unit
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'doudi:parameter.unit_differs'
      USING DETAIL = json_build_object('program', NEW.program, 'key', NEW.key, 'unit', known, 'given', NEW.unit)::text,
            ERRCODE = 'RD000';
  END IF;
  RETURN NEW;
END
$$;
ALTER FUNCTION doudi.program_parameter_same_unit() SECURITY DEFINER;
REVOKE ALL ON FUNCTION doudi.program_parameter_same_unit() FROM PUBLIC;
