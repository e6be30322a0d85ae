-- Who referred a household and when: stamped by the database, whatever the
-- client sends.
CREATE OR REPLACE FUNCTION doudi.referral_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.referred_at := now();
  NEW.referred_by := session_user;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.referral_stamp() FROM PUBLIC;
