-- Withdraws a wrongly attached file: hidden from the lists with the reason,
-- never deleted (docs/attachments.md). The caller's group must hold
-- withdraw_files and see the file's owner; "no such file" alike for a file
-- outside the scope and a missing one. Once: the same request id sent again
-- changes nothing, a file withdrawn already is refused.
CREATE OR REPLACE FUNCTION doudi.attachment_withdraw(p_id bigint, p_reason text, p_request_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a doudi.attachment;
BEGIN
  PERFORM doudi.case_request_lock(p_request_id);
  PERFORM doudi.require_staff_may('withdraw_files');
  SELECT * INTO a FROM doudi.attachment AS x WHERE x.id = p_id FOR UPDATE;
  IF NOT FOUND OR (SELECT o.region_code FROM doudi.attachment_owner(a.owner_kind, a.owner_id) AS o) IS NULL THEN
    RAISE EXCEPTION 'doudi:attachment.not_found' USING DETAIL = json_build_object('id', p_id)::text,
          ERRCODE = 'no_data_found';
  END IF;
  IF a.withdraw_request = p_request_id THEN
    RETURN;
  END IF;
  IF a.withdrawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'doudi:attachment.withdrawn' USING DETAIL = json_build_object('id', p_id)::text,
          ERRCODE = 'RD000';
  END IF;
  IF btrim(coalesce(p_reason, '')) = '' OR NOT doudi.text_storable(btrim(p_reason), 500, true) THEN
    RAISE EXCEPTION 'doudi:attachment.reason_required' USING ERRCODE = 'RD000';
  END IF;
  UPDATE doudi.attachment AS x
  SET withdrawn_by = doudi.acting_user(), withdrawn_at = doudi.clock_now(), withdrawn_reason = btrim(p_reason),
      withdraw_request = p_request_id
  WHERE x.id = p_id;
END
$$;
REVOKE ALL ON FUNCTION doudi.attachment_withdraw(bigint,text,uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.attachment_withdraw(bigint,text,uuid)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin, doudi_department_liaison;
