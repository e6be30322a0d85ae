-- The card in use of each person: their latest read (doudi.person_card)
-- whose number, masked, is still the person's own — a corrected number
-- leaves the old reads behind (migration 0016). Read by the caller's rights
-- (security_invoker): the person's and the card's row-level security
-- decide, so a liaison sees none. photo: whether the read kept a photo
-- (its bytes are in doudi.person_card_photo under the card's id).
CREATE OR REPLACE VIEW doudi.person_card_current WITH (security_invoker = true) AS
  SELECT c.id, c.person_id, c.household_id, c.ethnicity_code, c.authority, c.valid_from, c.valid_until,
         c.photo_bytes > 0 AS photo, c.read_at, c.read_by
  FROM doudi.person_card AS c
  JOIN doudi.person AS p ON p.id = c.person_id AND p.id_number_masked = c.id_number_masked
  WHERE NOT EXISTS (SELECT FROM doudi.person_card AS n
                    WHERE n.person_id = c.person_id AND n.id > c.id AND n.id_number_masked = c.id_number_masked);
REVOKE ALL ON doudi.person_card_current FROM PUBLIC;
GRANT SELECT ON doudi.person_card_current TO doudi_user;
