-- The row-level security every table of personal or case data shares: the
-- table's rows are seen only within the caller's scope (its region code
-- between doudi.scope_low() and doudi.scope_high(), which a btree answers),
-- and the rule binds the owner too (FORCE). Each policies/<table>.sql calls
-- this with what the table needs, then adds what is its own:
--   p_writers      the desk's writers may insert, update and delete rows in
--                  their scope (the registry; they hold no such grant today,
--                  the functions write as the owner: this is the second wall)
--   p_liaison_key  a department liaison reads a row of a household referred
--                  to their department, within their scope, while
--                  doudi.liaison_household_ids() names it (asked once per
--                  statement); the column naming the
--                  household (NULL: liaisons read nothing here)
--   p_owner_all    the owner's functions read and write every row and apply
--                  the caller's scope themselves
-- The policies it makes call doudi.scope_low(), doudi.scope_high() and
-- doudi.liaison_household_ids(): named here, so that db migrate applies every
-- policies file again when one of those is dropped and made anew.
-- Applied by db migrate only (a superuser); nobody else may call it.
CREATE OR REPLACE PROCEDURE doudi.scope_policies(p_table text, p_writers boolean, p_liaison_key text,
                                                 p_owner_all boolean)
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  readers CONSTANT text := 'doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, '
                           'doudi_finance_officer, doudi_center_admin, doudi_auditor';
  writers CONSTANT text := 'doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin';
  -- each bound asked once per statement (an InitPlan), not once per row
  in_scope CONSTANT text := 'region_code BETWEEN (SELECT doudi.scope_low()) AND (SELECT doudi.scope_high())';
  verb text;
BEGIN
  EXECUTE format('ALTER TABLE doudi.%I ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE doudi.%I FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('DROP POLICY IF EXISTS in_scope_read ON doudi.%I', p_table);
  EXECUTE format('CREATE POLICY in_scope_read ON doudi.%I FOR SELECT TO %s USING (%s)', p_table, readers, in_scope);
  FOREACH verb IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
    EXECUTE format('DROP POLICY IF EXISTS %I ON doudi.%I', 'in_scope_' || verb, p_table);
    IF p_writers THEN
      EXECUTE format('CREATE POLICY %I ON doudi.%I FOR %s TO %s %s', 'in_scope_' || verb, p_table, upper(verb),
                     writers, CASE verb WHEN 'insert' THEN format('WITH CHECK (%s)', in_scope)
                                        WHEN 'update' THEN format('USING (%s) WITH CHECK (%s)', in_scope, in_scope)
                                        ELSE format('USING (%s)', in_scope) END);
    END IF;
  END LOOP;
  EXECUTE format('DROP POLICY IF EXISTS referred_read ON doudi.%I', p_table);
  IF p_liaison_key IS NOT NULL THEN
    EXECUTE format('CREATE POLICY referred_read ON doudi.%I FOR SELECT TO doudi_department_liaison '
                   'USING (%s AND (SELECT doudi.liaison_household_ids()) @> ARRAY[%I.%I])', p_table, in_scope,
                   p_table, p_liaison_key);
  END IF;
  EXECUTE format('DROP POLICY IF EXISTS owner_all ON doudi.%I', p_table);
  IF p_owner_all THEN
    EXECUTE format('CREATE POLICY owner_all ON doudi.%I TO doudi_owner USING (true) WITH CHECK (true)', p_table);
  END IF;
END
$$;
REVOKE ALL ON PROCEDURE doudi.scope_policies(text, boolean, text, boolean) FROM PUBLIC;
