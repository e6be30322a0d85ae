-- Who may read and write each table and sequence directly. Functions and views
-- carry their grants in their own files; the desk groups write the registry
-- and cases only through functions (docs/security.md).

REVOKE ALL ON SCHEMA doudi FROM PUBLIC;
GRANT USAGE ON SCHEMA doudi TO doudi_user;
GRANT USAGE ON SCHEMA doudi TO doudi_user_manager;
GRANT USAGE ON SCHEMA doudi TO doudi_scope_reader;
GRANT USAGE ON SCHEMA doudi TO doudi_watchdog;
GRANT USAGE ON SCHEMA doudi TO doudi_audit_reader;

REVOKE ALL ON doudi.app_user FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.app_user TO doudi_user;
GRANT INSERT, SELECT, UPDATE ON doudi.app_user TO doudi_user_manager;
GRANT SELECT ON doudi.app_user TO doudi_scope_reader;
GRANT SELECT ON doudi.app_user TO doudi_audit_reader;

REVOKE ALL ON doudi.asset FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.asset TO doudi_user;
GRANT SELECT ON doudi.asset TO doudi_audit_reader;

REVOKE ALL ON doudi.assistance_case FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.assistance_case TO doudi_user;
GRANT SELECT ON doudi.assistance_case TO doudi_audit_reader;

REVOKE ALL ON doudi.audit_pending FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON doudi.audit_row FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.audit_row TO doudi_audit_reader;

REVOKE ALL ON doudi.audit_seal FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.audit_seal TO doudi_auditor;
GRANT SELECT ON doudi.audit_seal TO doudi_center_admin;

REVOKE ALL ON doudi.calendar_exception FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.calendar_exception TO doudi_user;
GRANT SELECT ON doudi.calendar_exception TO doudi_audit_reader;

REVOKE ALL ON doudi.calendar_year FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.calendar_year TO doudi_user;
GRANT SELECT ON doudi.calendar_year TO doudi_audit_reader;

REVOKE ALL ON doudi.case_amount_confirmation FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_amount_confirmation TO doudi_user;
GRANT SELECT ON doudi.case_amount_confirmation TO doudi_audit_reader;

REVOKE ALL ON doudi.case_amount_exception FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_amount_exception TO doudi_user;
GRANT SELECT ON doudi.case_amount_exception TO doudi_audit_reader;

REVOKE ALL ON doudi.case_amount_proposal FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_amount_proposal TO doudi_user;
GRANT SELECT ON doudi.case_amount_proposal TO doudi_audit_reader;

REVOKE ALL ON doudi.case_benefit FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_benefit TO doudi_user;
GRANT SELECT ON doudi.case_benefit TO doudi_audit_reader;

REVOKE ALL ON doudi.case_evidence FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_evidence TO doudi_user;
GRANT SELECT ON doudi.case_evidence TO doudi_audit_reader;

REVOKE ALL ON doudi.case_state_rule FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_state_rule TO doudi_user;

REVOKE ALL ON doudi.case_step FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_step TO doudi_user;
GRANT SELECT ON doudi.case_step TO doudi_audit_reader;

REVOKE ALL ON doudi.case_survey FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_survey TO doudi_user;
GRANT SELECT ON doudi.case_survey TO doudi_audit_reader;

REVOKE ALL ON doudi.case_transition_rule FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.case_transition_rule TO doudi_user;

REVOKE ALL ON doudi.charity_fund FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.charity_fund TO doudi_user;
GRANT SELECT ON doudi.charity_fund TO doudi_audit_reader;
GRANT INSERT (code) ON doudi.charity_fund TO doudi_center_admin;
GRANT INSERT (name) ON doudi.charity_fund TO doudi_center_admin;
GRANT INSERT (donor) ON doudi.charity_fund TO doudi_center_admin;
GRANT INSERT (region_prefix) ON doudi.charity_fund TO doudi_center_admin;
GRANT INSERT (kind) ON doudi.charity_fund TO doudi_center_admin;
GRANT INSERT (amount_fen) ON doudi.charity_fund TO doudi_center_admin;

REVOKE ALL ON doudi.household FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.household TO doudi_center_admin;
GRANT SELECT ON doudi.household TO doudi_scope_reader;
GRANT SELECT ON doudi.household TO doudi_audit_reader;
GRANT SELECT (id) ON doudi.household TO doudi_user;
GRANT SELECT (region_code) ON doudi.household TO doudi_user;
GRANT SELECT (address) ON doudi.household TO doudi_user;
GRANT SELECT (phone) ON doudi.household TO doudi_user;
GRANT SELECT (housing) ON doudi.household TO doudi_user;
GRANT SELECT (bank_name) ON doudi.household TO doudi_user;
GRANT SELECT (registry_status) ON doudi.household TO doudi_user;
GRANT SELECT (source) ON doudi.household TO doudi_user;
GRANT SELECT (source_ref) ON doudi.household TO doudi_user;
GRANT SELECT (closed_on) ON doudi.household TO doudi_user;
GRANT SELECT (version) ON doudi.household TO doudi_user;
GRANT SELECT (created_at) ON doudi.household TO doudi_user;
GRANT SELECT (created_by) ON doudi.household TO doudi_user;
GRANT SELECT (updated_at) ON doudi.household TO doudi_user;
GRANT SELECT (updated_by) ON doudi.household TO doudi_user;
GRANT SELECT (bank_account_masked) ON doudi.household TO doudi_user;

REVOKE ALL ON doudi.import_stage FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT INSERT ON doudi.import_stage TO doudi_village_clerk;
GRANT INSERT ON doudi.import_stage TO doudi_township_reviewer;
GRANT INSERT ON doudi.import_stage TO doudi_city_decider;
GRANT INSERT ON doudi.import_stage TO doudi_center_admin;

REVOKE ALL ON doudi.income_item FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.income_item TO doudi_user;
GRANT SELECT ON doudi.income_item TO doudi_audit_reader;

REVOKE ALL ON doudi.payment_line FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.payment_line TO doudi_user;
GRANT SELECT ON doudi.payment_line TO doudi_audit_reader;

REVOKE ALL ON doudi.person FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.person TO doudi_center_admin;
GRANT SELECT ON doudi.person TO doudi_scope_reader;
GRANT SELECT ON doudi.person TO doudi_audit_reader;
GRANT SELECT (id) ON doudi.person TO doudi_user;
GRANT SELECT (household_id) ON doudi.person TO doudi_user;
GRANT SELECT (region_code) ON doudi.person TO doudi_user;
GRANT SELECT (position) ON doudi.person TO doudi_user;
GRANT SELECT (name) ON doudi.person TO doudi_user;
GRANT SELECT (relation) ON doudi.person TO doudi_user;
GRANT SELECT (sex) ON doudi.person TO doudi_user;
GRANT SELECT (disability_category) ON doudi.person TO doudi_user;
GRANT SELECT (disability_grade) ON doudi.person TO doudi_user;
GRANT SELECT (illnesses) ON doudi.person TO doudi_user;
GRANT SELECT (schooling) ON doudi.person TO doudi_user;
GRANT SELECT (employment) ON doudi.person TO doudi_user;
GRANT SELECT (work_ability) ON doudi.person TO doudi_user;
GRANT SELECT (left_on) ON doudi.person TO doudi_user;
GRANT SELECT (id_number_masked) ON doudi.person TO doudi_user;

REVOKE ALL ON doudi.program FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.program TO doudi_user;

REVOKE ALL ON doudi.program_parameter FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.program_parameter TO doudi_user;
GRANT INSERT (program) ON doudi.program_parameter TO doudi_center_admin;
GRANT INSERT (region_prefix) ON doudi.program_parameter TO doudi_center_admin;
GRANT INSERT (key) ON doudi.program_parameter TO doudi_center_admin;
GRANT INSERT (value) ON doudi.program_parameter TO doudi_center_admin;
GRANT INSERT (unit) ON doudi.program_parameter TO doudi_center_admin;
GRANT INSERT (effective_from) ON doudi.program_parameter TO doudi_center_admin;
GRANT INSERT (note) ON doudi.program_parameter TO doudi_center_admin;

REVOKE ALL ON doudi.referral FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.referral TO doudi_user;
GRANT INSERT ON doudi.referral TO doudi_township_reviewer;
GRANT INSERT ON doudi.referral TO doudi_city_decider;
GRANT INSERT ON doudi.referral TO doudi_center_admin;
GRANT SELECT ON doudi.referral TO doudi_scope_reader;
GRANT SELECT ON doudi.referral TO doudi_audit_reader;

REVOKE ALL ON doudi.region FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.region TO doudi_user;
GRANT INSERT ON doudi.region TO doudi_center_admin;
GRANT SELECT ON doudi.region TO doudi_scope_reader;
GRANT UPDATE (name) ON doudi.region TO doudi_center_admin;

REVOKE ALL ON doudi.registry_status_change FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.registry_status_change TO doudi_user;
GRANT SELECT ON doudi.registry_status_change TO doudi_audit_reader;

REVOKE ALL ON doudi.save_request FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.save_request TO doudi_village_clerk;
GRANT SELECT ON doudi.save_request TO doudi_township_reviewer;
GRANT SELECT ON doudi.save_request TO doudi_city_decider;
GRANT SELECT ON doudi.save_request TO doudi_center_admin;

REVOKE ALL ON doudi.schema_migration FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.schema_migration TO doudi_user;

REVOKE ALL ON doudi.security_limit FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.security_limit TO doudi_user;
GRANT SELECT ON doudi.security_limit TO doudi_watchdog;
GRANT SELECT ON doudi.security_limit TO doudi_user_manager;

REVOKE ALL ON doudi.server_secret FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON doudi.unmasked_access FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT SELECT ON doudi.unmasked_access TO doudi_center_admin;
GRANT SELECT ON doudi.unmasked_access TO doudi_auditor;
GRANT INSERT ON doudi.unmasked_access TO doudi_scope_reader;

REVOKE ALL ON SEQUENCE doudi.asset_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq TO doudi_center_admin;

REVOKE ALL ON SEQUENCE doudi.assistance_case_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.audit_row_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.case_amount_confirmation_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.case_amount_exception_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.case_amount_proposal_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.case_benefit_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.case_evidence_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.case_step_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.case_survey_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.household_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT USAGE ON SEQUENCE doudi.household_id_seq TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.household_id_seq TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.household_id_seq TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.household_id_seq TO doudi_center_admin;

REVOKE ALL ON SEQUENCE doudi.income_item_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT USAGE ON SEQUENCE doudi.income_item_id_seq TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.income_item_id_seq TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.income_item_id_seq TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.income_item_id_seq TO doudi_center_admin;

REVOKE ALL ON SEQUENCE doudi.payment_line_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.person_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT USAGE ON SEQUENCE doudi.person_id_seq TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.person_id_seq TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.person_id_seq TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.person_id_seq TO doudi_center_admin;

REVOKE ALL ON SEQUENCE doudi.program_parameter_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;

REVOKE ALL ON SEQUENCE doudi.referral_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT USAGE ON SEQUENCE doudi.referral_id_seq TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.referral_id_seq TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.referral_id_seq TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.referral_id_seq TO doudi_center_admin;

REVOKE ALL ON SEQUENCE doudi.registry_status_change_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT USAGE ON SEQUENCE doudi.registry_status_change_id_seq TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.registry_status_change_id_seq TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.registry_status_change_id_seq TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.registry_status_change_id_seq TO doudi_center_admin;

REVOKE ALL ON SEQUENCE doudi.unmasked_access_id_seq FROM PUBLIC, doudi_audit_reader, doudi_auditor, doudi_center_admin, doudi_city_decider, doudi_department_liaison, doudi_finance_officer, doudi_scope_reader, doudi_township_reviewer, doudi_user, doudi_user_manager, doudi_village_clerk, doudi_watchdog;
GRANT USAGE ON SEQUENCE doudi.unmasked_access_id_seq TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.unmasked_access_id_seq TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.unmasked_access_id_seq TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.unmasked_access_id_seq TO doudi_center_admin;
GRANT USAGE ON SEQUENCE doudi.unmasked_access_id_seq TO doudi_scope_reader;
