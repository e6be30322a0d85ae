-- Every audited table, in one list: what its changes write into the audit
-- chain (doudi.audit_changes, keyed by the named column: the key an audit
-- row names the changed row by) and whether its rows may never change once
-- written (doudi.audit_refuse_change before UPDATE and DELETE; the trail
-- itself refuses TRUNCATE too). A table audited here is also readable by
-- doudi_audit_reader (grants.sql), or doudi.audit_reconcile fails loudly.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      --  table                        key          audited                   append-only
      ('household',                'id',        'insert update delete', 'no'),
      ('person',                   'id',        'insert update delete', 'no'),
      ('income_item',              'id',        'insert update delete', 'no'),
      ('asset',                    'id',        'insert update delete', 'no'),
      ('registry_status_change',   'id',        'insert update delete', 'no'),
      ('referral',                 'id',        'insert update delete', 'no'),
      ('app_user',                 'role_name', 'insert update delete', 'no'),
      ('calendar_year',            'year',      'insert delete',        'no'),
      ('calendar_exception',       'day',       'insert',               'no'),
      ('assistance_case',          'id',        'insert update',        'no'),
      ('case_step',                'id',        'insert',               'rows'),
      ('case_survey',              'id',        'insert',               'rows'),
      ('case_evidence',            'id',        'insert',               'rows'),
      ('case_amount_proposal',     'id',        'insert',               'rows'),
      ('case_amount_exception',    'id',        'insert',               'rows'),
      ('case_amount_confirmation', 'id',        'insert',               'rows'),
      ('case_benefit',             'id',        'insert',               'rows'),
      ('payment_line',             'id',        'insert',               'rows'),
      ('charity_fund',             'code',      'insert',               'rows'),
      -- a cross-check batch is audited, its rows are not (append-only, named by the batch)
      ('crosscheck_batch',         'id',        'insert update',        'no'),
      ('crosscheck_row',           NULL,        '',                     'rows'),
      ('crosscheck_replaced',      NULL,        '',                     'rows'),
      ('alert',                    'id',        'insert update',        'no'),
      ('alert_verification',       'id',        'insert',               'rows'),
      -- the department catalog is stamped, not audited (like program parameters: the seed is a
      -- migration's); its due days are dated rows that never change
      ('department_due_days',      NULL,        '',                     'rows'),
      ('referral_send',            'id',        'insert',               'rows'),
      ('help_record',              'id',        'insert',               'rows'),
      ('charity_fund_topup',       'id',        'insert',               'rows'),
      ('pairing_contact',          'id',        'insert update',        'no'),
      ('pairing_household',        'household_id', 'insert update',     'no'),
      ('pairing_assignment',       'id',        'insert update',        'no'),
      ('pairing_visit',            'id',        'insert',               'rows'),
      -- field intake: tokens and reports audited; photos never change (their SHA-256 is in the row)
      ('intake_token',             'id',        'insert update',        'no'),
      ('intake_report',            'id',        'insert update',        'no'),
      ('intake_photo',             NULL,        '',                     'rows'),
      -- attachments: the record is audited (its SHA-256, size and type vouch for the bytes, which never
      -- enter the trail); record and bytes never change (triggers/attachment*.sql refuse it)
      ('attachment',               'id',        'insert update',        'no'),
      ('attachment_content',       NULL,        '',                     'no'),
      -- an ID card's reads: the row audited (the photo's SHA-256 and size vouch for its bytes, which
      -- never enter the trail); both append-only, the region following a household that moves
      ('person_card',              'id',        'insert',               'rows'),
      ('person_card_photo',        NULL,        '',                     'rows'),
      ('audit_row',                NULL,        '',                     'rows and truncate'),
      ('audit_seal',               NULL,        '',                     'rows and truncate'))
    AS audited (name, key, events, append_only)
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS audit_insert ON doudi.%1$I; DROP TRIGGER IF EXISTS audit_update ON doudi.%1$I; '
                   'DROP TRIGGER IF EXISTS audit_delete ON doudi.%1$I; DROP TRIGGER IF EXISTS append_only ON doudi.%1$I; '
                   'DROP TRIGGER IF EXISTS append_only_truncate ON doudi.%1$I', t.name);
    IF t.events LIKE '%insert%' THEN
      EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON doudi.%I REFERENCING NEW TABLE AS new_rows '
                     'FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes(%L)', t.name, t.key);
    END IF;
    IF t.events LIKE '%update%' THEN
      EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON doudi.%I REFERENCING OLD TABLE AS old_rows '
                     'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes(%L)', t.name, t.key);
    END IF;
    IF t.events LIKE '%delete%' THEN
      EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON doudi.%I REFERENCING OLD TABLE AS old_rows '
                     'FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_changes(%L)', t.name, t.key);
    END IF;
    IF t.append_only <> 'no' THEN
      EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON doudi.%I '
                     'FOR EACH ROW EXECUTE FUNCTION doudi.audit_refuse_change(%L)', t.name, t.append_only);
    END IF;
    IF t.append_only = 'rows and truncate' THEN
      EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON doudi.%I '
                     'FOR EACH STATEMENT EXECUTE FUNCTION doudi.audit_refuse_change()', t.name);
    END IF;
  END LOOP;
END
$$;
