-- What a resident-ID card can say, spelled once: doudi.id_card_bad_field
-- names the first field of a read that no card has (ethnicity outside
-- GB 3304, an issuing authority that is empty, over 30 characters or not
-- storable text, a validity that ends before it starts) and
-- doudi.id_card_photo_ok tells a photo the database keeps (BMP, JPEG or PNG
-- by its first bytes, 16 bytes to 64 KiB). The tables' CHECKs call them,
-- and so does doudi.person_card_record to name the refused field
-- (card.bad_field), where it used to repeat the CHECKs. The card in use is
-- now the view doudi.person_card_current (dal/schema), which the
-- workstation reads, so the schema version moves on.
CREATE OR REPLACE FUNCTION doudi.id_card_bad_field(p_ethnicity text, p_authority text, p_valid_from date,
                                                   p_valid_until date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_ethnicity IS NULL OR p_ethnicity !~ '^(0[1-9]|[1-4][0-9]|5[0-6]|9[78])$' THEN 'ethnicity'
    WHEN p_authority IS NULL OR btrim(p_authority) = '' OR NOT doudi.text_storable(p_authority, 30) THEN 'authority'
    WHEN p_valid_from IS NULL THEN 'valid_from'
    WHEN p_valid_until IS NOT NULL AND p_valid_until <= p_valid_from THEN 'valid_until'
  END
$$;
REVOKE ALL ON FUNCTION doudi.id_card_bad_field(text,text,date,date) FROM PUBLIC;

CREATE OR REPLACE FUNCTION doudi.id_card_photo_ok(p_photo bytea) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT octet_length(p_photo) BETWEEN 16 AND 65536
     AND (substring(p_photo FROM 1 FOR 2) = '\x424d'::bytea
          OR substring(p_photo FROM 1 FOR 3) = '\xffd8ff'::bytea
          OR substring(p_photo FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea)
$$;
REVOKE ALL ON FUNCTION doudi.id_card_photo_ok(bytea) FROM PUBLIC;

-- The authority is now storable text too (no invisible character), which
-- the old CHECK did not ask: the new constraint is added NOT VALID and then
-- validated, so that a site whose stored reads break it keeps it for every
-- new row, with a warning naming it, instead of failing the upgrade.
ALTER TABLE doudi.person_card
  DROP CONSTRAINT person_card_ethnicity_code_check,
  DROP CONSTRAINT person_card_authority_check,
  DROP CONSTRAINT person_card_check,  -- valid_until after valid_from (person_card_check1 is the photo's)
  ADD CONSTRAINT person_card_fields_check
    CHECK (doudi.id_card_bad_field(ethnicity_code, authority, valid_from, valid_until) IS NULL) NOT VALID;
ALTER TABLE doudi.person_card_photo
  DROP CONSTRAINT person_card_photo_photo_check,
  ADD CONSTRAINT person_card_photo_photo_check CHECK (doudi.id_card_photo_ok(photo));
DO $$
BEGIN
  ALTER TABLE doudi.person_card VALIDATE CONSTRAINT person_card_fields_check;
EXCEPTION WHEN check_violation THEN
  RAISE WARNING 'doudi.person_card holds card reads that break person_card_fields_check; it holds for new rows';
END
$$;
