-- The written term describes the relation it was written for: a change of
-- relation that does not also give a term (the workstation edits the
-- category only) drops the old term rather than keep a wrong one.
CREATE OR REPLACE FUNCTION doudi.person_relation_term_follows() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.relation IS DISTINCT FROM OLD.relation AND NEW.relation_term IS NOT DISTINCT FROM OLD.relation_term THEN
    NEW.relation_term := NULL;
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.person_relation_term_follows() FROM PUBLIC;
