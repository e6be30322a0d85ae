-- Whether the owner has a file of the kind (any kind: NULL) in force: not
-- withdrawn and not replaced by a newer version. What a case step's
-- requirement counts (case_requirement_unmet).
CREATE OR REPLACE FUNCTION doudi.attachment_in_force(p_owner_kind text, p_owner_id bigint, p_kind text)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM doudi.attachment AS a
                 WHERE a.owner_kind = p_owner_kind AND a.owner_id = p_owner_id
                   AND (p_kind IS NULL OR a.kind = p_kind) AND a.withdrawn_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM doudi.attachment AS n WHERE n.replaces_id = a.id))
$$;
REVOKE ALL ON FUNCTION doudi.attachment_in_force(text,bigint,text) FROM PUBLIC;
