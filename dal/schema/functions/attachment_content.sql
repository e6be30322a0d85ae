-- A stored file's bytes, for whoever may see its owner
-- (doudi.attachment_owner: the desk within its scope, a department liaison
-- only the files of a referral to their own department that they may see);
-- NULL for everyone else, and alike for a file that does not exist. The
-- bytes of a withdrawn file are read only by the center administrator and
-- the auditor (a wrongly attached file may be another family's): the desk
-- sees the record and the reason.
CREATE OR REPLACE FUNCTION doudi.attachment_content(p_id bigint) RETURNS bytea
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a doudi.attachment;
BEGIN
  SELECT * INTO a FROM doudi.attachment AS x WHERE x.id = p_id;
  IF NOT FOUND OR (SELECT o.region_code FROM doudi.attachment_owner(a.owner_kind, a.owner_id) AS o) IS NULL
     OR (a.withdrawn_at IS NOT NULL AND NOT doudi.session_is_superuser()
         AND coalesce(doudi.session_group(), '') NOT IN ('center_admin', 'auditor')) THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT c.content FROM doudi.attachment_content AS c WHERE c.attachment_id = p_id);
END
$$;
REVOKE ALL ON FUNCTION doudi.attachment_content(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.attachment_content(bigint)
  TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_finance_officer, doudi_center_admin,
     doudi_auditor, doudi_department_liaison;
