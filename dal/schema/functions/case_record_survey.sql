CREATE OR REPLACE FUNCTION doudi.case_record_survey(p_case_id bigint, p_surveyors text[], p_surveyed_on date,
                                                    p_findings text, p_members_present text, p_request_id uuid)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  names text[];
BEGIN
  c := doudi.case_for_operation(p_case_id, 'record_survey', 'survey', p_request_id,
                                p_close_relative_operation => 'record_close_relative_survey');
  IF c.id IS NULL THEN RETURN; END IF;
  SELECT array_agg(DISTINCT btrim(n)) INTO names FROM unnest(p_surveyors) AS n WHERE btrim(n) <> '';
  IF coalesce(cardinality(names), 0) < 2 THEN
    RAISE EXCEPTION 'doudi:survey.two_surveyors' USING ERRCODE = 'RD000';
  END IF;
  IF p_surveyed_on IS NULL OR p_surveyed_on > doudi.clock_date() THEN
    RAISE EXCEPTION 'doudi:survey.date' USING ERRCODE = 'RD000';
  END IF;
  IF coalesce(btrim(p_findings), '') = '' THEN
    RAISE EXCEPTION 'doudi:survey.findings' USING ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.case_survey (case_id, region_code, surveyors, surveyed_on, findings, members_present, request_id)
  VALUES (p_case_id, c.region_code, p_surveyors, p_surveyed_on, btrim(p_findings), coalesce(btrim(p_members_present), ''),
          p_request_id);
END
$$;
REVOKE ALL ON FUNCTION doudi.case_record_survey(bigint,text[],date,text,text,uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_record_survey(bigint,text[],date,text,text,uuid) TO doudi_township_reviewer, doudi_city_decider;
