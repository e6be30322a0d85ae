-- Optimistic concurrency: every update of a household row bumps its version
-- and stamps who and when, whatever the client sends. Saving the members,
-- income or assets of a household always touches its row too.
CREATE OR REPLACE FUNCTION doudi.household_stamp_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  NEW.updated_by := session_user;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.household_stamp_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_stamp_version() TO doudi_user;
