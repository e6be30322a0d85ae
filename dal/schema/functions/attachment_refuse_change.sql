-- A stored file and its record never change (docs/attachments.md): the
-- trigger of doudi.attachment and doudi.attachment_content refuses every
-- UPDATE, DELETE and TRUNCATE, by anyone the triggers bind, except
--   - the withdrawal, once: the withdrawn_* columns set where none was, all
--     else unchanged (doudi.attachment_withdraw);
--   - the region following a household that moves village (the foreign
--     keys' ON UPDATE CASCADE, inside their trigger), all else unchanged.
CREATE OR REPLACE FUNCTION doudi.attachment_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- read through jsonb: the bytes' table has no withdrawn_* columns
    IF TG_TABLE_NAME = 'attachment' AND to_jsonb(OLD) ->> 'withdrawn_at' IS NULL
       AND to_jsonb(NEW) ->> 'withdrawn_at' IS NOT NULL
       AND to_jsonb(OLD) - ARRAY['withdrawn_by', 'withdrawn_at', 'withdrawn_reason', 'withdraw_request']
           = to_jsonb(NEW) - ARRAY['withdrawn_by', 'withdrawn_at', 'withdrawn_reason', 'withdraw_request'] THEN
      RETURN NEW;
    END IF;
    -- (a BEFORE trigger's NEW has no generated column yet: the bytes'
    -- SHA-256 is left out, the bytes themselves are compared)
    IF pg_trigger_depth() > 1 AND OLD.region_code IS DISTINCT FROM NEW.region_code
       AND to_jsonb(OLD) - ARRAY['region_code', 'sha256'] = to_jsonb(NEW) - ARRAY['region_code', 'sha256']
       AND (TG_TABLE_NAME = 'attachment_content' OR to_jsonb(OLD) -> 'sha256' = to_jsonb(NEW) -> 'sha256') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'doudi:attachment.unchanged'
    USING DETAIL = json_build_object('operation', TG_OP, 'table', TG_TABLE_NAME)::text, ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE ALL ON FUNCTION doudi.attachment_refuse_change() FROM PUBLIC;
