-- Every audited table: its changes go into the audit chain (doudi.audit_changes)
-- and the trail itself is append-only (doudi.audit_refuse_change).

DROP TRIGGER IF EXISTS audit_delete ON doudi.app_user;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.app_user REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('role_name');

DROP TRIGGER IF EXISTS audit_insert ON doudi.app_user;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.app_user REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('role_name');

DROP TRIGGER IF EXISTS audit_update ON doudi.app_user;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.app_user REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('role_name');

DROP TRIGGER IF EXISTS audit_delete ON doudi.asset;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.asset REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_insert ON doudi.asset;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.asset REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_update ON doudi.asset;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.asset REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_insert ON doudi.assistance_case;
-- Cases are audited like the registry.
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.assistance_case REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_update ON doudi.assistance_case;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.assistance_case REFERENCING OLD TABLE AS old_rows
  NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.audit_row;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.audit_row
  FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS append_only_truncate ON doudi.audit_row;
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON doudi.audit_row
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS append_only ON doudi.audit_seal;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.audit_seal
  FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS append_only_truncate ON doudi.audit_seal;
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON doudi.audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.calendar_exception;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.calendar_exception REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('day');

DROP TRIGGER IF EXISTS audit_delete ON doudi.calendar_year;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.calendar_year REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('year');

DROP TRIGGER IF EXISTS audit_insert ON doudi.calendar_year;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.calendar_year REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('year');

DROP TRIGGER IF EXISTS append_only ON doudi.case_amount_confirmation;
CREATE TRIGGER append_only BEFORE DELETE OR UPDATE ON doudi.case_amount_confirmation FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.case_amount_confirmation;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.case_amount_confirmation REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.case_amount_exception;
CREATE TRIGGER append_only BEFORE DELETE OR UPDATE ON doudi.case_amount_exception FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.case_amount_exception;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.case_amount_exception REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.case_amount_proposal;
CREATE TRIGGER append_only BEFORE DELETE OR UPDATE ON doudi.case_amount_proposal FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.case_amount_proposal;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.case_amount_proposal REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.case_benefit;
CREATE TRIGGER append_only BEFORE DELETE OR UPDATE ON doudi.case_benefit FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.case_benefit;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.case_benefit REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.case_evidence;
CREATE TRIGGER append_only BEFORE DELETE OR UPDATE ON doudi.case_evidence FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.case_evidence;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.case_evidence REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.case_step;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.case_step
  FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.case_step;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.case_step REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.case_survey;
CREATE TRIGGER append_only BEFORE DELETE OR UPDATE ON doudi.case_survey FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.case_survey;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.case_survey REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.charity_fund;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.charity_fund
  FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.charity_fund;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.charity_fund REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('code');

DROP TRIGGER IF EXISTS audit_delete ON doudi.household;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.household REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_insert ON doudi.household;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.household REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_update ON doudi.household;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.household REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_delete ON doudi.income_item;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.income_item REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_insert ON doudi.income_item;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.income_item REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_update ON doudi.income_item;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.income_item REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS append_only ON doudi.payment_line;
CREATE TRIGGER append_only BEFORE DELETE OR UPDATE ON doudi.payment_line FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change();

DROP TRIGGER IF EXISTS audit_insert ON doudi.payment_line;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.payment_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_delete ON doudi.person;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_insert ON doudi.person;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_update ON doudi.person;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_delete ON doudi.referral;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.referral REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_insert ON doudi.referral;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.referral REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_update ON doudi.referral;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.referral REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_delete ON doudi.registry_status_change;
CREATE TRIGGER audit_delete AFTER DELETE ON doudi.registry_status_change REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_insert ON doudi.registry_status_change;
CREATE TRIGGER audit_insert AFTER INSERT ON doudi.registry_status_change REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');

DROP TRIGGER IF EXISTS audit_update ON doudi.registry_status_change;
CREATE TRIGGER audit_update AFTER UPDATE ON doudi.registry_status_change REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes('id');
