DROP TRIGGER IF EXISTS stamp ON doudi.registry_status_change;
CREATE TRIGGER stamp BEFORE INSERT ON doudi.registry_status_change
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_who_when('changed_at', 'changed_by');
