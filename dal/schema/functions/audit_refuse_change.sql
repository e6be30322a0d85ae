-- Append-only: no update, delete or truncate of the trail, by anyone the
-- triggers bind (only a superuser disabling triggers gets past, and the
-- chain then shows it). One change passes, on the rows of a household's
-- records (the trigger's argument 'rows'; never the trail itself, 'rows and
-- truncate'): the region following a household that moves village, through
-- the foreign key's ON UPDATE CASCADE inside its trigger, all else
-- unchanged. A helped household may move; its help stays as it was given.
CREATE OR REPLACE FUNCTION doudi.audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_ARGV[0] = 'rows' AND pg_trigger_depth() > 1
     AND to_jsonb(OLD) ->> 'region_code' IS DISTINCT FROM to_jsonb(NEW) ->> 'region_code'
     AND to_jsonb(OLD) - 'region_code' = to_jsonb(NEW) - 'region_code' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'doudi:audit.append_only'
    USING DETAIL = json_build_object('operation', TG_OP, 'table', TG_TABLE_NAME)::text, ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE ALL ON FUNCTION doudi.audit_refuse_change() FROM PUBLIC;
