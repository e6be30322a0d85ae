-- Append-only: no update, delete or truncate of the trail, by anyone the
-- triggers bind (only a superuser disabling triggers gets past, and the
-- chain then shows it).
CREATE OR REPLACE FUNCTION doudi.audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'doudi:audit.append_only'
    USING DETAIL = json_build_object('operation', TG_OP, 'table', TG_TABLE_NAME)::text, ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE ALL ON FUNCTION doudi.audit_refuse_change() FROM PUBLIC;
