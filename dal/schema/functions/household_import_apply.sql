-- Checks the rows the caller staged under p_batch, and unless p_dry_run
-- merges the households without a problem. Returns one row per problem
-- (kind 'problem': line, column, code, message: the English template, then
-- each of its values, separated by U+001F, as the caller's own checks
-- write them for translation) and one per household it
-- accepted (kind 'household': household_ref, code = new | updated |
-- unchanged). A household with any problem is not imported; its other
-- rows say so. Refuses (54000) past the daily limit of persons found
-- outside the caller's scope.
CREATE OR REPLACE FUNCTION doudi.household_import_apply(p_batch uuid, p_source text, p_dry_run boolean)
RETURNS TABLE (kind text, household_ref text, line bigint, column_name text, code text, message text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  hidden bigint[];
  unknown integer;
BEGIN
  PERFORM doudi.require_staff_may('import_households');
  -- The working tables this function makes below, described for
  -- plpgsql_check (a string when it runs: nothing happens).
  PERFORM 'PRAGMA:TABLE: doudi_import_row (LIKE doudi.import_stage)';
  PERFORM 'PRAGMA:TABLE: doudi_import_head (LIKE doudi.import_stage)';
  PERFORM 'PRAGMA:TABLE: doudi_import_problem (line bigint, column_name text, code text, message text)';
  PERFORM 'PRAGMA:TABLE: doudi_import_household (household_ref text, region_code text, address text, phone text, '
          'registry_status text, housing text, bank_name text, bank_account text, content_hash text, '
          'existing_id bigint, state text, household_id bigint)';
  -- The owner's own working tables: a table of the caller's by one of these
  -- names is not the owner's to drop, and the import stops there.
  DROP TABLE IF EXISTS pg_temp.doudi_import_row, pg_temp.doudi_import_problem, pg_temp.doudi_import_head,
    pg_temp.doudi_import_household;
  CREATE TEMP TABLE doudi_import_row ON COMMIT DROP AS
    SELECT s.line, s.position, s.household_ref, s.region_code, s.address, s.name, s.id_number, s.relation,
           s.income_fen, s.phone, s.registry_status, s.housing, s.bank_name, s.bank_account,
           s.disability_category, s.disability_grade, s.illness, s.schooling, s.employment, s.work_ability,
           s.relation_term
    FROM doudi.import_stage AS s WHERE s.batch = p_batch AND s.staged_by = session_user;
  DELETE FROM doudi.import_stage AS s WHERE s.batch = p_batch AND s.staged_by = session_user;
  ANALYZE pg_temp.doudi_import_row;
  CREATE TEMP TABLE doudi_import_problem (line bigint, column_name text, code text, message text) ON COMMIT DROP;
  CREATE TEMP TABLE doudi_import_head ON COMMIT DROP AS
    SELECT DISTINCT ON (r.household_ref) r.* FROM pg_temp.doudi_import_row AS r
    WHERE r.relation = 'head' ORDER BY r.household_ref, r.line;

  -- Again, whatever the caller checked: every household in the caller's
  -- scope (its head's row gives the household's fields), and with its head.
  IF NOT doudi.session_is_superuser() THEN
    INSERT INTO pg_temp.doudi_import_problem
    SELECT h.line, 'region_code', 'region_code.outside_scope',
           'region code {1} is outside your scope' || E'\x1f' || h.region_code
    FROM pg_temp.doudi_import_head AS h
    WHERE NOT (h.region_code BETWEEN doudi.scope_low() AND doudi.scope_high());
  END IF;
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'relation', 'household.no_head',
         'household {1} has no row whose relation is head (户主)' || E'\x1f' || r.household_ref
  FROM pg_temp.doudi_import_row AS r
  WHERE NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_head AS h WHERE h.household_ref = r.household_ref);

  -- A household of this source and reference that the caller may not see.
  INSERT INTO pg_temp.doudi_import_problem
  SELECT h.line, 'household_ref', 'household_ref.outside_scope',
         'household {1} of this source is registered outside your scope' || E'\x1f' || h.household_ref
  FROM pg_temp.doudi_import_head AS h
  JOIN doudi.household AS e ON e.source = p_source AND e.source_ref = h.household_ref
  WHERE NOT doudi.caller_may_see(e.id, e.region_code);

  -- Persons already in another household: which one where the caller may
  -- see it (a re-import of the same household is no problem); only "outside
  -- your scope" otherwise, counted and recorded.
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'id_number', 'id_number.in_other_household',
         'this person is already a member of household {1}' || E'\x1f' || e.id
  FROM pg_temp.doudi_import_row AS r
  JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
  JOIN doudi.household AS e ON e.id = p.household_id
  WHERE doudi.caller_may_see(e.id, e.region_code)
    AND (e.source IS DISTINCT FROM p_source OR e.source_ref IS DISTINCT FROM r.household_ref);
  SELECT array_agg(p.household_id ORDER BY r.line) INTO hidden
  FROM pg_temp.doudi_import_row AS r
  JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
  WHERE NOT doudi.caller_may_see(p.household_id, p.region_code);
  SELECT count(*) INTO unknown FROM pg_temp.doudi_import_row AS r
  WHERE NOT EXISTS (SELECT 1 FROM doudi.person AS p WHERE p.id_number = r.id_number AND p.left_on IS NULL
                      AND doudi.caller_may_see(p.household_id, p.region_code));
  PERFORM doudi.cross_scope_charge(coalesce(cardinality(hidden), 0), unknown);
  PERFORM doudi.cross_scope_record(hidden);
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'id_number', 'id_number.in_other_household',
         'this person is already a member of a household outside your scope'
  FROM pg_temp.doudi_import_row AS r
  JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
  WHERE NOT doudi.caller_may_see(p.household_id, p.region_code);

  -- A household with any problem is rejected whole; its other rows say so.
  INSERT INTO pg_temp.doudi_import_problem
  SELECT r.line, 'household_ref', 'household.rejected',
         'household {1} is not imported because of the problem on line {2}' || E'\x1f' || r.household_ref
         || E'\x1f' || x.first_line
  FROM pg_temp.doudi_import_row AS r
  JOIN (SELECT r2.household_ref, min(p.line) AS first_line
        FROM pg_temp.doudi_import_problem AS p JOIN pg_temp.doudi_import_row AS r2 ON r2.line = p.line
        GROUP BY r2.household_ref) AS x ON x.household_ref = r.household_ref
  WHERE NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_problem AS p WHERE p.line = r.line);

  -- The accepted households, each with the keyed digest of its content
  -- (household fields from the head's row, members in ID order).
  CREATE TEMP TABLE doudi_import_household ON COMMIT DROP AS
  WITH digest AS (
    SELECT r.household_ref,
           string_agg(concat_ws(E'\x1f', r.id_number, r.name, r.relation, r.income_fen, r.disability_category,
                                r.disability_grade, r.illness, r.schooling, r.employment, r.work_ability,
                                r.relation_term),
                      E'\x1e' ORDER BY r.id_number) AS members
    FROM pg_temp.doudi_import_row AS r GROUP BY r.household_ref),
  content AS (
    SELECT h.household_ref,
           doudi.keyed_digest(md5(concat_ws(E'\x1d', h.region_code, h.address, h.phone, h.registry_status, h.housing,
                                            h.bank_name, h.bank_account, d.members))) AS content_hash
    FROM digest AS d JOIN pg_temp.doudi_import_head AS h ON h.household_ref = d.household_ref)
  SELECT h.household_ref, h.region_code, h.address, h.phone, h.registry_status, h.housing, h.bank_name,
         h.bank_account, c.content_hash, e.id AS existing_id,
         CASE WHEN e.id IS NULL THEN 'new' WHEN e.import_hash = c.content_hash THEN 'unchanged'
              ELSE 'updated' END AS state,
         NULL::bigint AS household_id
  FROM pg_temp.doudi_import_head AS h
  JOIN content AS c ON c.household_ref = h.household_ref
  LEFT JOIN doudi.household AS e ON e.source = p_source AND e.source_ref = h.household_ref
  WHERE NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_problem AS p JOIN pg_temp.doudi_import_row AS r2
                    ON r2.line = p.line WHERE r2.household_ref = h.household_ref);

  IF NOT p_dry_run THEN
    UPDATE pg_temp.doudi_import_household SET household_id = CASE WHEN state = 'new'
      THEN nextval(pg_get_serial_sequence('doudi.household', 'id')) ELSE existing_id END;
    ANALYZE pg_temp.doudi_import_household;

    UPDATE doudi.household AS e
    SET region_code = i.region_code, address = i.address, phone = NULLIF(i.phone, ''),
        housing = coalesce(NULLIF(i.housing, ''), 'owned'), bank_name = NULLIF(i.bank_name, ''),
        bank_account = NULLIF(i.bank_account, ''), registry_status = coalesce(NULLIF(i.registry_status, ''), 'none'),
        import_hash = i.content_hash
    FROM pg_temp.doudi_import_household AS i WHERE i.state = 'updated' AND e.id = i.household_id;

    INSERT INTO doudi.household (id, region_code, address, phone, housing, bank_name, bank_account,
                                 registry_status, source, source_ref, import_hash)
    SELECT i.household_id, i.region_code, i.address, NULLIF(i.phone, ''), coalesce(NULLIF(i.housing, ''), 'owned'),
           NULLIF(i.bank_name, ''), NULLIF(i.bank_account, ''), coalesce(NULLIF(i.registry_status, ''), 'none'),
           p_source, i.household_ref, i.content_hash
    FROM pg_temp.doudi_import_household AS i WHERE i.state = 'new';

    UPDATE doudi.person AS p SET left_on = current_date
    FROM pg_temp.doudi_import_household AS i
    WHERE i.state = 'updated' AND p.household_id = i.household_id AND p.left_on IS NULL
      AND NOT EXISTS (SELECT 1 FROM pg_temp.doudi_import_row AS r
                      WHERE r.household_ref = i.household_ref AND r.id_number = p.id_number);

    UPDATE doudi.person AS p
    SET position = r.position, name = r.name, relation = r.relation, relation_term = NULLIF(r.relation_term, ''),
        disability_category = coalesce(NULLIF(r.disability_category, ''), 'none'),
        disability_grade = NULLIF(r.disability_grade, '')::smallint,
        illnesses = string_to_array(r.illness, ';'), schooling = coalesce(NULLIF(r.schooling, ''), 'none'),
        employment = coalesce(NULLIF(r.employment, ''), 'none'),
        work_ability = coalesce(NULLIF(r.work_ability, ''), 'full')
    FROM pg_temp.doudi_import_row AS r JOIN pg_temp.doudi_import_household AS i ON i.household_ref = r.household_ref
    WHERE i.state = 'updated' AND p.household_id = i.household_id AND p.id_number = r.id_number
      AND p.left_on IS NULL;

    INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation, relation_term,
                              disability_category, disability_grade, illnesses, schooling, employment, work_ability)
    SELECT i.household_id, i.region_code, r.position, r.id_number, r.name, r.relation, NULLIF(r.relation_term, ''),
           coalesce(NULLIF(r.disability_category, ''), 'none'), NULLIF(r.disability_grade, '')::smallint,
           string_to_array(r.illness, ';'), coalesce(NULLIF(r.schooling, ''), 'none'),
           coalesce(NULLIF(r.employment, ''), 'none'), coalesce(NULLIF(r.work_ability, ''), 'full')
    FROM pg_temp.doudi_import_row AS r JOIN pg_temp.doudi_import_household AS i ON i.household_ref = r.household_ref
    WHERE i.state = 'new'
       OR (i.state = 'updated' AND NOT EXISTS (
             SELECT 1 FROM doudi.person AS p
             WHERE p.household_id = i.household_id AND p.id_number = r.id_number AND p.left_on IS NULL));

    DELETE FROM doudi.income_item AS x USING pg_temp.doudi_import_household AS i
    WHERE i.state = 'updated' AND x.household_id = i.household_id AND x.kind = 'declared';

    INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen)
    SELECT i.household_id, i.region_code, p.id, 'declared', r.income_fen
    FROM pg_temp.doudi_import_row AS r JOIN pg_temp.doudi_import_household AS i ON i.household_ref = r.household_ref
    JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
    WHERE i.state IN ('new', 'updated') AND r.income_fen > 0;
  END IF;

  RETURN QUERY
    SELECT 'problem'::text, NULL::text, p.line, p.column_name, p.code, p.message FROM pg_temp.doudi_import_problem AS p
    UNION ALL
    SELECT 'household'::text, i.household_ref::text, NULL::bigint, NULL::text, i.state, NULL::text
    FROM pg_temp.doudi_import_household AS i;
END
$$;
REVOKE ALL ON FUNCTION doudi.household_import_apply(uuid,text,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_import_apply(uuid,text,boolean) TO doudi_village_clerk, doudi_township_reviewer, doudi_city_decider, doudi_center_admin;
