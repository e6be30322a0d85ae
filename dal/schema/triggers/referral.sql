DROP TRIGGER IF EXISTS stamp ON doudi.referral;
CREATE TRIGGER stamp BEFORE INSERT ON doudi.referral
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_who_when('referred_at', 'referred_by');
