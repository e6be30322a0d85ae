-- attachment_content: the bytes. No desk group reads the table (nothing is
-- granted); the owner's functions write it and doudi.attachment_content
-- reads one file after applying its owner's scope.
ALTER TABLE doudi.attachment_content ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.attachment_content FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS owner_all ON doudi.attachment_content;
CREATE POLICY owner_all ON doudi.attachment_content TO doudi_owner USING (true) WITH CHECK (true);
