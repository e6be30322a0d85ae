-- The audit trail's row images: masked IDs and accounts, the birth year
-- instead of the date, and no import digest.
CREATE OR REPLACE FUNCTION doudi.audit_mask(j jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN j IS NULL THEN NULL ELSE
    (j - 'birth_date' - 'import_hash')
      || CASE WHEN j ? 'id_number' THEN jsonb_build_object('id_number', doudi.mask_resident_id(j ->> 'id_number'))
              ELSE '{}'::jsonb END
      || CASE WHEN j ? 'bank_account' AND j ->> 'bank_account' IS NOT NULL
              THEN jsonb_build_object('bank_account', doudi.mask_bank_account(j ->> 'bank_account'))
              ELSE '{}'::jsonb END
      || CASE WHEN j ? 'birth_date' AND j ->> 'birth_date' IS NOT NULL
              THEN jsonb_build_object('birth_year', left(j ->> 'birth_date', 4)::integer)
              ELSE '{}'::jsonb END
  END
$$;
REVOKE ALL ON FUNCTION doudi.audit_mask(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.audit_mask(jsonb) TO doudi_auditor, doudi_center_admin;
