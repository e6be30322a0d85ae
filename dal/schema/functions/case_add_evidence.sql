-- Adds evidence to a case (add_evidence in assets/rules/staff_capabilities.csv)
-- and returns its id; the same request id sent again returns the same id.
-- A step that requires evidence counts it only once a file is attached to
-- it (attachment_add, owner evidence; case_requirement_unmet).
-- Returned void before migration 0011.
DROP FUNCTION IF EXISTS doudi.case_add_evidence(bigint,text,text,text,uuid) CASCADE;
CREATE OR REPLACE FUNCTION doudi.case_add_evidence(p_case_id bigint, p_kind text, p_title text, p_note text,
                                                   p_request_id uuid) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  v_id bigint;
BEGIN
  c := doudi.case_for_operation(p_case_id, 'add_evidence', 'evidence', p_request_id);
  IF c.id IS NULL THEN
    RETURN (SELECT e.id FROM doudi.case_evidence AS e WHERE e.request_id = p_request_id);
  END IF;
  IF coalesce(btrim(p_title), '') = '' THEN
    RAISE EXCEPTION 'doudi:evidence.title' USING ERRCODE = 'RD000';
  END IF;
  INSERT INTO doudi.case_evidence AS e (case_id, region_code, kind, title, note, request_id)
  VALUES (p_case_id, c.region_code, p_kind, btrim(p_title), coalesce(p_note, ''), p_request_id)
  RETURNING e.id INTO v_id;
  RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_add_evidence(bigint,text,text,text,uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_add_evidence(bigint,text,text,text,uuid) TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider;
