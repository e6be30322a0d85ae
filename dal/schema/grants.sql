-- Who may read and write each table and sequence directly. Functions and
-- views carry their grants in their own files. The desk groups change the
-- registry and cases only through functions (docs/security.md): they hold
-- no UPDATE, DELETE or TRUNCATE here. Whatever a table or sequence held
-- before is taken back first, so this file is the whole truth.
REVOKE ALL ON SCHEMA doudi FROM PUBLIC;
GRANT USAGE ON SCHEMA doudi TO doudi_user, doudi_user_manager, doudi_scope_reader, doudi_watchdog, doudi_audit_reader,
  doudi_scheduler, doudi_intake, doudi_monitor;
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT c.oid::regclass AS name, c.relkind = 'S' AS is_sequence, g.roles
           FROM pg_catalog.pg_class AS c,
                (SELECT string_agg(quote_ident(rolname), ', ') AS roles FROM pg_catalog.pg_roles
                 WHERE rolname LIKE 'doudi\_%' AND rolname <> 'doudi_owner') AS g
           WHERE c.relnamespace = 'doudi'::regnamespace AND c.relkind IN ('r', 'p', 'S') LOOP
    EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC, %s', CASE WHEN r.is_sequence THEN 'SEQUENCE' ELSE 'TABLE' END,
                   r.name, r.roles);
  END LOOP;
END
$$;

GRANT SELECT ON doudi.alert, doudi.alert_verification, doudi.crosscheck_batch, doudi.app_user, doudi.asset, doudi.assistance_case, doudi.audit_row, doudi.calendar_exception, doudi.calendar_year, doudi.case_amount_confirmation, doudi.case_amount_exception, doudi.case_amount_proposal, doudi.case_benefit, doudi.case_evidence, doudi.case_step, doudi.case_survey, doudi.charity_fund, doudi.household, doudi.income_item, doudi.payment_line, doudi.person, doudi.referral, doudi.registry_status_change, doudi.department, doudi.department_help, doudi.department_due_days, doudi.referral_send, doudi.help_record, doudi.charity_fund_topup, doudi.pairing_contact, doudi.pairing_household, doudi.pairing_assignment, doudi.pairing_visit, doudi.support_term, doudi.support_term_source, doudi.intake_token, doudi.intake_report, doudi.intake_photo, doudi.attachment, doudi.person_card TO doudi_audit_reader;
GRANT SELECT ON doudi.audit_seal, doudi.unmasked_access TO doudi_auditor;
GRANT INSERT ON doudi.crosscheck_stage, doudi.import_stage, doudi.region TO doudi_center_admin;
GRANT SELECT ON doudi.audit_seal, doudi.household, doudi.person, doudi.save_request, doudi.unmasked_access TO doudi_center_admin;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq, doudi.household_id_seq, doudi.income_item_id_seq, doudi.person_id_seq, doudi.registry_status_change_id_seq, doudi.unmasked_access_id_seq TO doudi_center_admin;
GRANT INSERT ON doudi.import_stage TO doudi_city_decider;
GRANT SELECT ON doudi.save_request TO doudi_city_decider;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq, doudi.household_id_seq, doudi.income_item_id_seq, doudi.person_id_seq, doudi.registry_status_change_id_seq, doudi.unmasked_access_id_seq TO doudi_city_decider;
GRANT INSERT ON doudi.unmasked_access TO doudi_scope_reader;
GRANT SELECT ON doudi.app_user, doudi.household, doudi.person, doudi.referral, doudi.region TO doudi_scope_reader;
GRANT USAGE ON SEQUENCE doudi.unmasked_access_id_seq TO doudi_scope_reader;
GRANT INSERT ON doudi.import_stage TO doudi_township_reviewer;
GRANT SELECT ON doudi.save_request TO doudi_township_reviewer;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq, doudi.household_id_seq, doudi.income_item_id_seq, doudi.person_id_seq, doudi.registry_status_change_id_seq, doudi.unmasked_access_id_seq TO doudi_township_reviewer;
GRANT SELECT ON doudi.app_user, doudi.asset, doudi.assistance_case, doudi.calendar_exception, doudi.calendar_year, doudi.case_amount_confirmation, doudi.case_amount_exception, doudi.case_amount_proposal, doudi.case_benefit, doudi.case_evidence, doudi.case_state_rule, doudi.case_step, doudi.case_survey, doudi.case_transition_rule, doudi.charity_fund, doudi.income_item, doudi.payment_line, doudi.program, doudi.program_parameter, doudi.referral, doudi.region, doudi.registry_status_change, doudi.schema_migration, doudi.security_limit, doudi.staff_capability, doudi.staff_operation, doudi.alert_rule, doudi.alert_verification, doudi.crosscheck_batch, doudi.screening_run, doudi.department, doudi.department_help, doudi.department_due_days, doudi.referral_send, doudi.help_record, doudi.charity_fund_topup, doudi.pairing_contact, doudi.pairing_household, doudi.pairing_assignment, doudi.pairing_visit, doudi.support_term, doudi.support_term_source TO doudi_user;
-- The owners of the functions that check an operation for a caller.
GRANT SELECT ON doudi.staff_capability, doudi.staff_operation TO doudi_scope_reader, doudi_user_manager, doudi_watchdog,
  doudi_scheduler;
GRANT INSERT, SELECT, UPDATE ON doudi.app_user TO doudi_user_manager;
GRANT SELECT ON doudi.security_limit TO doudi_user_manager;
GRANT INSERT ON doudi.import_stage TO doudi_village_clerk;
GRANT SELECT ON doudi.save_request TO doudi_village_clerk;
GRANT USAGE ON SEQUENCE doudi.asset_id_seq, doudi.household_id_seq, doudi.income_item_id_seq, doudi.person_id_seq, doudi.registry_status_change_id_seq, doudi.unmasked_access_id_seq TO doudi_village_clerk;
GRANT SELECT ON doudi.security_limit TO doudi_watchdog;

-- Column by column: what a group may read or write of a table it may not read whole.
GRANT INSERT (code, name, donor, region_prefix, kind, amount_fen) ON doudi.charity_fund TO doudi_center_admin;
GRANT SELECT (id, region_code, address, phone, housing, bank_name, registry_status, source, source_ref, closed_on, version, created_at, created_by, updated_at, updated_by, bank_account_masked) ON doudi.household TO doudi_user;
GRANT SELECT (id, household_id, region_code, position, name, relation, sex, disability_category, disability_grade, illnesses, schooling, employment, work_ability, left_on, id_number_masked) ON doudi.person TO doudi_user;
GRANT INSERT (program, region_prefix, key, value, unit, effective_from, note) ON doudi.program_parameter TO doudi_center_admin;
GRANT UPDATE (name) ON doudi.region TO doudi_center_admin;
-- Cross-check data and alerts: everything but the full ID number and the keys that may contain it (row-level security decides which rows).
GRANT SELECT (id, batch_id, kind, source_department, line, id_number_masked, name, region_code, event_date, category, amount_fen, covered_fen, self_paid_fen, detail) ON doudi.crosscheck_row TO doudi_user;
GRANT SELECT (id_number_masked, name, region_code, batch_id, updated_at) ON doudi.crosscheck_person TO doudi_user;
GRANT SELECT (id, rule, period, id_number_masked, household_id, case_id, name, region_code, figure_fen, figures, sources, state, outcome, outcome_reason, outcome_case_id, closed_figure_fen, raised_at, raised_count, updated_at, closed_at, closed_by, version, help_closed_at, help_closed_by) ON doudi.alert TO doudi_user;
-- The programs that exclude each other: a rule table everyone reads.
GRANT SELECT ON doudi.program_exclusion TO doudi_user;
-- Field intake: the desk reads reports without the reporter's full ID number, the photos, and the
-- tokens without their hash (row-level security decides which rows); doudi_intake reads no table.
GRANT SELECT (id, token_id, request_id, region_code, name, id_number_masked, phone, address, category, description,
              urgency, consent, received_at, state, household_id, alert_id, case_id, referral_send_id, merged_into,
              outcome, outcome_note, handled_at, handled_by, closed_at, closed_by, version) ON doudi.intake_report TO doudi_user;
GRANT SELECT ON doudi.intake_photo TO doudi_user;
GRANT SELECT (id, name, region_code, expires_on, issued_at, issued_by, revoked_at, revoked_by) ON doudi.intake_token
  TO doudi_user;
-- Attachments: the desk reads the records (row-level security decides which), never the bytes'
-- table: doudi.attachment_content gives one file's bytes after applying its owner's scope.
GRANT SELECT ON doudi.attachment TO doudi_user;
-- ID card reads and their photos: the desk reads them like the member (row-level security decides
-- which; a liaison none); doudi.person_card_record writes them.
GRANT SELECT ON doudi.person_card, doudi.person_card_photo TO doudi_user;
