-- A second city decider confirms the case's latest proposal, above the cap
-- with its reason, so that it may be decided. Refuses (SQLSTATE) 42501 a
-- caller who is not a city decider, proposed it, or acted on the case at
-- another level; RD000 a proposal that is not above the cap or is no
-- longer the latest undecided one. Confirming twice is confirming once.
CREATE OR REPLACE FUNCTION doudi.case_confirm_amount(p_case_id bigint, p_proposal_id bigint, p_opinion text, p_request_id uuid)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c doudi.assistance_case;
  e doudi.case_amount_exception;
BEGIN
  c := doudi.case_for_operation(p_case_id, 'confirm_over_cap_amount', 'confirmation', p_request_id);
  IF c.id IS NULL THEN RETURN; END IF;
  SELECT * INTO e FROM doudi.case_amount_exception AS x WHERE x.proposal_id = p_proposal_id AND x.case_id = p_case_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'doudi:amount.no_exception'
      USING DETAIL = json_build_object('proposal_id', p_proposal_id, 'case_id', p_case_id)::text, ERRCODE = 'RD000';
  END IF;
  IF p_proposal_id <> (SELECT max(a.id) FROM doudi.case_amount_proposal AS a WHERE a.case_id = p_case_id)
     OR EXISTS (SELECT 1 FROM doudi.case_benefit AS b WHERE b.proposal_id = p_proposal_id) THEN
    RAISE EXCEPTION 'doudi:amount.superseded'
      USING DETAIL = json_build_object('proposal_id', p_proposal_id, 'case_id', p_case_id)::text, ERRCODE = 'RD000';
  END IF;
  IF e.requested_by = doudi.acting_user() THEN
    RAISE EXCEPTION 'doudi:amount.same_person' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM doudi.case_step AS s
             WHERE s.case_id = p_case_id AND s.actor = doudi.acting_user() AND s.level <> 'city' AND s.action <> 'apply') THEN
    RAISE EXCEPTION 'doudi:case.other_level'
      USING DETAIL = json_build_object('case_id', p_case_id)::text, ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM doudi.case_amount_confirmation AS k WHERE k.exception_id = e.id) THEN RETURN; END IF;
  INSERT INTO doudi.case_amount_confirmation (exception_id, case_id, region_code, opinion, request_id)
  VALUES (e.id, p_case_id, c.region_code, coalesce(btrim(p_opinion), ''), p_request_id);
END
$$;
REVOKE ALL ON FUNCTION doudi.case_confirm_amount(bigint,bigint,text,uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_confirm_amount(bigint,bigint,text,uuid) TO doudi_city_decider;
