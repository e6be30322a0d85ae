-- pairing_contact: the enterprises' and social workers' contacts of a
-- county, read by the desk of that county (a caller whose scope lies in
-- it, or covers it); written by the pairing functions as the owner.
ALTER TABLE doudi.pairing_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.pairing_contact FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS county_read ON doudi.pairing_contact;
CREATE POLICY county_read ON doudi.pairing_contact FOR SELECT TO doudi_user
  USING (county_code BETWEEN left(doudi.scope_low(), 6) AND left(doudi.scope_high(), 6));

DROP POLICY IF EXISTS owner_all ON doudi.pairing_contact;
CREATE POLICY owner_all ON doudi.pairing_contact TO doudi_owner USING (true) WITH CHECK (true);
