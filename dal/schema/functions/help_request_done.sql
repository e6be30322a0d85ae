-- The help record a request id already made (a resend: the same household
-- and, for a correction, the same corrected record), or NULL when the id is
-- new; refuses an id used for other help. Holds the id's lock to the end of
-- the transaction, so that a resend racing the first waits for its answer.
CREATE OR REPLACE FUNCTION doudi.help_request_done(p_request uuid, p_household bigint, p_corrects bigint)
  RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  done doudi.help_record;
BEGIN
  IF p_request IS NULL THEN
    RAISE EXCEPTION 'doudi:help.request_missing' USING ERRCODE = 'RD000';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_request::text, 15));
  SELECT * INTO done FROM doudi.help_record AS r WHERE r.request_id = p_request;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF done.household_id IS DISTINCT FROM p_household OR done.corrects_id IS DISTINCT FROM p_corrects THEN
    RAISE EXCEPTION 'doudi:help.request_reused'
      USING DETAIL = json_build_object('request_id', p_request)::text, ERRCODE = 'RD000';
  END IF;
  RETURN done.id;
END
$$;
REVOKE ALL ON FUNCTION doudi.help_request_done(uuid,bigint,bigint) FROM PUBLIC;
