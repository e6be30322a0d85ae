ALTER TABLE doudi.save_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.save_request FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS own_requests ON doudi.save_request;
CREATE POLICY own_requests ON doudi.save_request
  USING (saved_by = session_user) WITH CHECK (saved_by = session_user);
