-- 0005: holes the role-matrix tests found in migrations 2 and 3, closed.

-- 1. Region codes are identities: nobody but the set-up superuser changes a
-- code (a changed code would carry another county's households into a
-- scope through ON UPDATE CASCADE). Administrators add and rename regions
-- within their scope only.
ALTER TABLE doudi.region ENABLE ROW LEVEL SECURITY;
ALTER TABLE doudi.region FORCE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON doudi.region FOR SELECT USING (true);
CREATE POLICY admins_write_in_scope ON doudi.region FOR INSERT TO doudi_center_admin
  WITH CHECK (code BETWEEN doudi.scope_low() AND doudi.scope_high());
CREATE POLICY admins_rename_in_scope ON doudi.region FOR UPDATE TO doudi_center_admin
  USING (code BETWEEN doudi.scope_low() AND doudi.scope_high())
  WITH CHECK (code BETWEEN doudi.scope_low() AND doudi.scope_high());
REVOKE UPDATE ON doudi.region FROM doudi_center_admin;
GRANT UPDATE (name) ON doudi.region TO doudi_center_admin;

-- 2./3. A department liaison sees what was referred to their department
-- within their own scope (departments of two counties may share a name),
-- and nothing else, not even masked.
DO $$
DECLARE
  t text;
  household_key text;
BEGIN
  FOREACH t IN ARRAY ARRAY['household', 'person', 'income_item', 'asset', 'registry_status_change'] LOOP
    household_key := CASE WHEN t = 'household' THEN 'id' ELSE 'household_id' END;
    EXECUTE format('DROP POLICY referred_read ON doudi.%I', t);
    EXECUTE format('CREATE POLICY referred_read ON doudi.%I FOR SELECT TO doudi_department_liaison '
                   'USING (region_code BETWEEN doudi.scope_low() AND doudi.scope_high() AND EXISTS ('
                   'SELECT 1 FROM doudi.referral AS r WHERE r.household_id = %I.%I '
                   'AND r.department = doudi.session_department()))', t, t, household_key);
  END LOOP;
END
$$;
DROP POLICY referred_read ON doudi.referral;
CREATE POLICY referred_read ON doudi.referral FOR SELECT TO doudi_department_liaison
  USING (department = doudi.session_department() AND region_code BETWEEN doudi.scope_low() AND doudi.scope_high());

-- The one rule every scope-applying function uses: may the caller see the
-- household of this region code?
CREATE FUNCTION doudi.caller_may_see(p_household_id bigint, p_region_code text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT doudi.session_is_superuser()
      OR (p_region_code BETWEEN doudi.scope_low() AND doudi.scope_high()
          AND (coalesce(doudi.session_group(), '') <> 'department_liaison'
               OR EXISTS (SELECT 1 FROM doudi.referral AS r WHERE r.household_id = p_household_id
                          AND r.department = doudi.session_department())))
$$;
GRANT EXECUTE ON FUNCTION doudi.caller_may_see(bigint, text) TO doudi_scope_reader;

CREATE OR REPLACE FUNCTION doudi.registry_search_from(p_kind text, p_region boolean, p_status boolean) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q text := ' FROM doudi.person AS p JOIN doudi.household AS h ON h.id = p.household_id WHERE p.left_on IS NULL';
BEGIN
  q := q || CASE p_kind
    WHEN 'full_id' THEN ' AND p.id_number = $1'
    WHEN 'id_prefix' THEN ' AND p.id_number >= $1 AND p.id_number < $3'
    WHEN 'name' THEN ' AND doudi.name_grams(p.name) @> doudi.name_grams($1) AND p.name LIKE $2'
    WHEN 'surname' THEN ' AND p.name >= $1 AND p.name < $3'
    WHEN 'none' THEN ''
    ELSE NULL END;
  IF q IS NULL THEN
    RAISE EXCEPTION 'unknown search kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_region THEN q := q || ' AND p.region_code BETWEEN $4 AND $5'; END IF;
  IF p_status THEN q := q || ' AND h.registry_status = $6'; END IF;
  -- The scope stays a plain index range; a liaison additionally needs the
  -- referral to their department.
  IF NOT doudi.session_is_superuser() THEN
    q := q || ' AND p.region_code BETWEEN $7 AND $8';
    IF doudi.session_group() = 'department_liaison' THEN
      q := q || ' AND EXISTS (SELECT 1 FROM doudi.referral AS r WHERE r.household_id = p.household_id'
                ' AND r.department = $9)';
    END IF;
  END IF;
  RETURN q;
END
$$;

CREATE OR REPLACE FUNCTION doudi.household_member_ids(p_household_id bigint)
RETURNS TABLE (person_id bigint, id_number text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  region text := (SELECT h.region_code FROM doudi.household AS h WHERE h.id = p_household_id);
BEGIN
  IF region IS NULL OR NOT doudi.caller_may_see(p_household_id, region) THEN
    RETURN;
  END IF;
  IF doudi.session_is_superuser()
     OR doudi.session_group() IN ('village_clerk', 'township_reviewer', 'city_decider', 'center_admin') THEN
    INSERT INTO doudi.unmasked_access (what, household_id) VALUES ('resident_id', p_household_id);
    RETURN QUERY SELECT p.id, p.id_number FROM doudi.person AS p
                 WHERE p.household_id = p_household_id AND p.left_on IS NULL;
  ELSE
    RETURN QUERY SELECT p.id, p.id_number_masked FROM doudi.person AS p
                 WHERE p.household_id = p_household_id AND p.left_on IS NULL;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION doudi.registry_rows(p_ids bigint[])
RETURNS TABLE (person_id bigint, household_id bigint, name text, id_number_masked text, sex text,
               birth_date date, relation text, region_code text, region_name text, address text,
               registry_status text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.id, p.household_id, p.name, p.id_number_masked, p.sex, p.birth_date, p.relation, h.region_code,
         g.name, h.address, h.registry_status
  FROM doudi.person AS p JOIN doudi.household AS h ON h.id = p.household_id
  JOIN doudi.region AS g ON g.code = h.region_code
  WHERE p.id = ANY (p_ids) AND p.left_on IS NULL AND doudi.caller_may_see(p.household_id, p.region_code)
$$;

-- 4. Who and when are the database's to write, never the client's.
CREATE FUNCTION doudi.stamp_creation() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.created_at := now();
    NEW.created_by := session_user;
  ELSE
    NEW.created_at := OLD.created_at;
    NEW.created_by := OLD.created_by;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER stamp_creation BEFORE INSERT OR UPDATE ON doudi.household
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_creation();
CREATE TRIGGER stamp_creation BEFORE INSERT OR UPDATE ON doudi.app_user
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_creation();

CREATE FUNCTION doudi.stamp_history() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_TABLE_NAME = 'referral' THEN
    NEW.referred_at := now();
    NEW.referred_by := session_user;
  ELSE
    NEW.changed_at := now();
    NEW.changed_by := session_user;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER stamp_history BEFORE INSERT ON doudi.registry_status_change
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_history();
CREATE TRIGGER stamp_history BEFORE INSERT ON doudi.referral
  FOR EACH ROW EXECUTE FUNCTION doudi.stamp_history();

-- The status history is written only by the trigger on household (as the
-- owner), never directly: a status entry a client made up is no history.
ALTER FUNCTION doudi.household_record_status() SECURITY DEFINER;
REVOKE INSERT ON doudi.registry_status_change FROM doudi_village_clerk, doudi_township_reviewer,
  doudi_city_decider, doudi_center_admin;
CREATE POLICY owner_writes ON doudi.registry_status_change FOR INSERT TO doudi_owner WITH CHECK (true);
CREATE POLICY owner_reads ON doudi.registry_status_change FOR SELECT TO doudi_owner USING (true);

-- 5. An income item names a member of its own household.
CREATE UNIQUE INDEX person_id_household_key ON doudi.person (id, household_id);
ALTER TABLE doudi.income_item DROP CONSTRAINT income_item_person_id_fkey;
ALTER TABLE doudi.income_item ADD CONSTRAINT income_item_member_fkey
  FOREIGN KEY (person_id, household_id) REFERENCES doudi.person (id, household_id) ON DELETE CASCADE;

-- 7. The audit trail holds full IDs and accounts: auditors and
-- administrators read it through a view that masks them and keeps to their
-- scope. The trail itself is read by its owner only (sealing, verifying).
ALTER TABLE doudi.audit_row ADD COLUMN region_code text COLLATE "C";
CREATE OR REPLACE FUNCTION doudi.audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  key text := TG_ARGV[0];
  tx bigint := txid_current();
  house text := CASE WHEN TG_TABLE_NAME = 'household' THEN 'id' ELSE 'household_id' END;
BEGIN
  -- region: the row's region code, or a user's scope padded to a code
  IF TG_OP = 'INSERT' THEN
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, new_row, row_hash,
                                 region_code)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, (j ->> house)::bigint, j,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, NULL, j),
           coalesce(j ->> 'region_code', rpad(j ->> 'region_scope', 12, '0'))
    FROM (SELECT to_jsonb(n) AS j FROM new_rows AS n) AS changed;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, old_row, row_hash,
                                 region_code)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, (j ->> house)::bigint, j,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, j ->> key, j, NULL),
           coalesce(j ->> 'region_code', rpad(j ->> 'region_scope', 12, '0'))
    FROM (SELECT to_jsonb(o) AS j FROM old_rows AS o) AS changed;
  ELSE
    INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, household_id, old_row, new_row,
                                 row_hash, region_code)
    SELECT tx, now(), session_user, TG_TABLE_NAME, TG_OP, n ->> key, (n ->> house)::bigint, o, n,
           doudi.audit_row_hash(tx, now(), session_user, TG_TABLE_NAME, TG_OP, n ->> key, o, n),
           coalesce(n ->> 'region_code', rpad(n ->> 'region_scope', 12, '0'))
    FROM (SELECT to_jsonb(x) AS o FROM old_rows AS x) AS old_side
    JOIN (SELECT to_jsonb(y) AS n FROM new_rows AS y) AS new_side ON (o ->> key) = (n ->> key)
    WHERE o IS DISTINCT FROM n;
  END IF;
  IF FOUND THEN
    INSERT INTO doudi.audit_pending (txid) VALUES (tx) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

ALTER TABLE doudi.audit_row FORCE ROW LEVEL SECURITY;
DROP POLICY readers ON doudi.audit_row;
CREATE POLICY owner_all ON doudi.audit_row TO doudi_owner USING (true) WITH CHECK (true);
REVOKE SELECT ON doudi.audit_row FROM doudi_auditor, doudi_center_admin;

CREATE FUNCTION doudi.audit_mask(j jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN j IS NULL THEN NULL ELSE
    j || CASE WHEN j ? 'id_number' THEN jsonb_build_object('id_number', doudi.mask_resident_id(j ->> 'id_number'))
              ELSE '{}'::jsonb END
      || CASE WHEN j ? 'bank_account' AND j ->> 'bank_account' IS NOT NULL
              THEN jsonb_build_object('bank_account', doudi.mask_bank_account(j ->> 'bank_account'))
              ELSE '{}'::jsonb END
  END
$$;

-- Runs as its owner (reads the whole trail), shows the caller's scope only.
CREATE VIEW doudi.audit_trail WITH (security_barrier = true) AS
  SELECT r.id, r.at, r.actor, r.table_name, r.operation, r.row_key, r.household_id, r.region_code,
         doudi.audit_mask(r.old_row) AS old_row, doudi.audit_mask(r.new_row) AS new_row,
         EXISTS (SELECT 1 FROM doudi.audit_seal AS s WHERE s.txid = r.txid) AS sealed
  FROM doudi.audit_row AS r
  WHERE doudi.session_is_superuser() OR r.region_code BETWEEN doudi.scope_low() AND doudi.scope_high();
GRANT SELECT ON doudi.audit_trail TO doudi_auditor, doudi_center_admin;

-- 6. Routines: nothing callable by PUBLIC; what each role needs is granted
-- by name (migrations 2-5). claim_ownership does the same for every later
-- migration.
CREATE OR REPLACE PROCEDURE doudi.claim_ownership()
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  o record;
BEGIN
  FOR o IN SELECT c.oid::regclass AS name FROM pg_class AS c
           WHERE c.relnamespace = 'doudi'::regnamespace AND c.relowner = current_user::regrole
             AND c.relkind IN ('r', 'v', 'm', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO doudi_owner', o.name);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc AS p
           WHERE p.pronamespace = 'doudi'::regnamespace AND p.proowner = current_user::regrole
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO doudi_owner', CASE o.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                   o.name);
  END LOOP;
  IF (SELECT nspowner FROM pg_namespace WHERE nspname = 'doudi') = current_user::regrole THEN
    ALTER SCHEMA doudi OWNER TO doudi_owner;
  END IF;
  REVOKE ALL ON ALL FUNCTIONS IN SCHEMA doudi FROM PUBLIC;
  REVOKE ALL ON ALL PROCEDURES IN SCHEMA doudi FROM PUBLIC;
END
$$;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA doudi FROM PUBLIC;
REVOKE ALL ON ALL PROCEDURES IN SCHEMA doudi FROM PUBLIC;
-- Functions a view calls are checked against the view's user.
GRANT EXECUTE ON FUNCTION doudi.audit_mask(jsonb) TO doudi_auditor, doudi_center_admin;

-- A clerk who becomes a township reviewer changes scope in the same step
-- (the two groups work at different levels).
DROP FUNCTION doudi.user_set_role(text, text, text);
CREATE FUNCTION doudi.user_set_role(p_role text, p_group text, p_department text, p_scope text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u doudi.app_user := doudi.user_for_change(p_role);
BEGIN
  IF p_scope IS NOT NULL THEN
    PERFORM doudi.user_assert_may_manage(p_scope);
  END IF;
  UPDATE doudi.app_user SET group_role = p_group, department = NULLIF(p_department, ''),
         region_scope = coalesce(p_scope, region_scope), updated_at = now(), updated_by = session_user
  WHERE role_name = p_role;
  EXECUTE format('REVOKE %I FROM %I', 'doudi_' || u.group_role, p_role);
  EXECUTE format('GRANT %I TO %I', 'doudi_' || p_group, p_role);
END
$$;
ALTER FUNCTION doudi.user_set_role(text, text, text, text) OWNER TO doudi_user_manager;
REVOKE ALL ON FUNCTION doudi.user_set_role(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.user_set_role(text, text, text, text) TO doudi_center_admin;
