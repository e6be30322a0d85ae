-- Refuses a step whose requirement is not on record
-- (doudi.case_requirement_unmet says what is missing, and how).
CREATE OR REPLACE FUNCTION doudi.case_check_requirement(c doudi.assistance_case, p_requires text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  unmet record;
BEGIN
  SELECT * INTO unmet FROM doudi.case_requirement_unmet(c, p_requires) AS u;
  IF unmet.message IS NOT NULL THEN
    RAISE EXCEPTION USING MESSAGE = unmet.message, DETAIL = coalesce(unmet.detail, '{}'), ERRCODE = 'RD000';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_check_requirement(doudi.assistance_case,text) FROM PUBLIC;
