-- charity_fund_topup: the catalog every desk reads (no personal data); written by its
-- functions as the owner, which check the administrator's scope.
ALTER TABLE doudi.charity_fund_topup ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.charity_fund_topup FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS everyone_reads ON doudi.charity_fund_topup;
CREATE POLICY everyone_reads ON doudi.charity_fund_topup FOR SELECT TO doudi_user USING (true);

DROP POLICY IF EXISTS owner_all ON doudi.charity_fund_topup;
CREATE POLICY owner_all ON doudi.charity_fund_topup TO doudi_owner USING (true) WITH CHECK (true);
