-- 0006: saves whose outcome the desk could not learn (the link dropped
-- during COMMIT) are resolved by their request id: every save from the
-- workstation records its client-made id in the same transaction, so
-- retrying it either finds the id (it was applied; nothing is done twice)
-- or applies it once.
CREATE TABLE doudi.save_request (
  request_id   uuid PRIMARY KEY,
  household_id bigint NOT NULL,
  version      integer NOT NULL,
  saved_by     text NOT NULL DEFAULT session_user,
  saved_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX save_request_saved_at_idx ON doudi.save_request (saved_at);

-- A user finds only their own requests; ids are random, so no one learns
-- another's saves by guessing.
ALTER TABLE doudi.save_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.save_request FORCE ROW LEVEL SECURITY;
CREATE POLICY own_requests ON doudi.save_request
  USING (saved_by = session_user) WITH CHECK (saved_by = session_user);
GRANT SELECT, INSERT ON doudi.save_request TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider,
  doudi_center_admin;
