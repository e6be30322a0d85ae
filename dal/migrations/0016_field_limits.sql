-- 0016: every field the registry stores has a length limit and holds no
-- character that could hide itself or act on a terminal; amounts are bounded
-- so that no sum over a household can overflow. The same rules as the
-- model's (model/include/doudi/model/household.h, CheckStorableText in
-- model/src/text.cpp) and docs/import-format.md, so a direct write cannot
-- store what the program refuses. Also the written relation to the head
-- (GB/T 4761 term or the village list's word) is kept beside its category.

-- Text a field may hold: at most max_length code points; no control
-- character (C0, DEL, C1, the line and paragraph separators: CR and LF too;
-- TAB only in free text such as an address pasted from a table); no
-- invisible format character (soft hyphen, Arabic letter mark, Mongolian
-- vowel separator, zero-width characters and direction marks, direction
-- embeddings, overrides and isolates, word joiner and invisible operators,
-- byte-order mark, interlinear annotation, U+FFFE/U+FFFF); not only white
-- space. NULL and '' pass: whether a field may be empty is its own CHECK's
-- business.
CREATE FUNCTION doudi.text_storable(value text, max_length integer, free_text boolean DEFAULT false)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT char_length(value) <= max_length
     AND value !~ CASE WHEN free_text THEN '[\u0001-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]'
                       ELSE '[\u0001-\u001f\u007f-\u009f\u2028\u2029]' END
     AND value !~ '[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]'
     AND (value = '' OR value !~ '^[\u0009\u0020\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$')
$$;

-- A person's name: text_storable within 50 code points, and no space other
-- than the ASCII one (an ideographic space typed to align a two-character
-- name is not part of it).
CREATE FUNCTION doudi.name_storable(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT doudi.text_storable(value, 50) AND value !~ '[\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]'
$$;

-- A person's illnesses: each text_storable free text within 100 code
-- points, all of them joined by ';' within 500.
CREATE FUNCTION doudi.illnesses_storable(illnesses text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT char_length(array_to_string(illnesses, ';')) <= 500
     AND coalesce((SELECT bool_and(doudi.text_storable(i, 100, true)) FROM unnest(illnesses) AS i), true)
$$;

-- Every role that writes these tables (staff directly, the user managers
-- through user_add) evaluates the CHECKs; nothing is granted to PUBLIC.
GRANT EXECUTE ON FUNCTION doudi.text_storable(text, integer, boolean), doudi.name_storable(text),
  doudi.illnesses_storable(text[]) TO doudi_user, doudi_user_manager;

ALTER TABLE doudi.person ADD COLUMN relation_term text;

-- Added NOT VALID and then validated one by one: a site whose registry
-- already holds a value that breaks one keeps that constraint for every new
-- or changed row (with a warning naming it, so the value can be corrected)
-- instead of failing the upgrade.
ALTER TABLE doudi.household
  ADD CONSTRAINT household_address_storable CHECK (doudi.text_storable(address, 200, true)) NOT VALID,
  ADD CONSTRAINT household_bank_name_storable CHECK (doudi.text_storable(bank_name, 100, true)) NOT VALID,
  ADD CONSTRAINT household_source_storable CHECK (doudi.text_storable(source, 64)) NOT VALID,
  ADD CONSTRAINT household_source_ref_storable
    CHECK (doudi.text_storable(source_ref, 64) AND source_ref <> '') NOT VALID;
ALTER TABLE doudi.person
  ADD CONSTRAINT person_name_storable CHECK (doudi.name_storable(name)) NOT VALID,
  ADD CONSTRAINT person_relation_term_storable
    CHECK (doudi.text_storable(relation_term, 20) AND relation_term <> '') NOT VALID,
  ADD CONSTRAINT person_illnesses_storable CHECK (doudi.illnesses_storable(illnesses)) NOT VALID;
-- 10,000,000.00 yuan a month per income item and 10,000,000,000.00 yuan per
-- asset (model: kMaxMonthlyIncome, kMaxAssetValue).
ALTER TABLE doudi.income_item
  ADD CONSTRAINT income_item_monthly_fen_bound CHECK (monthly_fen <= 1000000000) NOT VALID,
  ADD CONSTRAINT income_item_note_storable CHECK (doudi.text_storable(note, 500, true)) NOT VALID;
ALTER TABLE doudi.asset
  ADD CONSTRAINT asset_value_fen_bound CHECK (value_fen <= 1000000000000) NOT VALID,
  ADD CONSTRAINT asset_description_storable CHECK (doudi.text_storable(description, 500, true)) NOT VALID;
ALTER TABLE doudi.region
  ADD CONSTRAINT region_name_storable CHECK (doudi.text_storable(name, 100)) NOT VALID;
ALTER TABLE doudi.app_user
  ADD CONSTRAINT app_user_display_name_storable CHECK (doudi.name_storable(display_name)) NOT VALID;

DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
           WHERE connamespace = 'doudi'::regnamespace AND NOT convalidated
             AND conname IN ('household_address_storable', 'household_bank_name_storable',
                             'household_source_storable', 'household_source_ref_storable',
                             'person_name_storable', 'person_relation_term_storable',
                             'person_illnesses_storable', 'income_item_monthly_fen_bound',
                             'income_item_note_storable', 'asset_value_fen_bound', 'asset_description_storable',
                             'region_name_storable', 'app_user_display_name_storable')
  LOOP
    BEGIN
      EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', c.tbl, c.conname);
    EXCEPTION WHEN check_violation THEN
      RAISE WARNING '% holds rows that break %: they stay as they are; new and changed rows are checked',
        c.tbl, c.conname;
    END;
  END LOOP;
END
$$;

-- The written term describes the relation it was written for: a change of
-- relation that does not also give a term (the workstation edits the
-- category only) drops the old term rather than keep a wrong one.
CREATE FUNCTION doudi.person_relation_term_follows() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.relation IS DISTINCT FROM OLD.relation AND NEW.relation_term IS NOT DISTINCT FROM OLD.relation_term THEN
    NEW.relation_term := NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER relation_term_follows BEFORE UPDATE OF relation ON doudi.person
  FOR EACH ROW EXECUTE FUNCTION doudi.person_relation_term_follows();
