-- Stores one cross-check file (docs/crosscheck-format.md). The caller
-- checked its rows (the model's reader) and staged them in
-- doudi.crosscheck_stage under p_stage; this checks them again against the
-- caller's scope and the rows already stored, records the batch and its
-- rows as the owner, and screens the persons it named with the rules that
-- read its kind. Returns one row per problem (kind 'problem': line, column,
-- code, message = the English template, then each value, separated by
-- U+001F, like doudi.household_import_apply) and one 'batch' row: line =
-- the batch id (NULL on a dry run), code = new | already_imported |
-- dry_run, message = {"stored", "replaced", "unchanged", "rejected"} as JSON.
--
-- A row names a person by ID number. Without a region code it must name a
-- member of a household in the caller's scope: the problem for any other
-- row is the same whether the person is registered in another county or
-- nowhere, and nothing returned counts persons new to Doudi.
CREATE OR REPLACE FUNCTION doudi.crosscheck_import_apply(p_stage uuid, p_kind text, p_source text, p_as_of date,
                                                         p_authorization text, p_file_sha256 text,
                                                         p_rows_read integer, p_rows_rejected integer,
                                                         p_dry_run boolean)
RETURNS TABLE (kind text, line bigint, column_name text, code text, message text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  low text := '';
  high text := '~';
  existing bigint;
  new_batch bigint;
  n_stored integer := 0;
  n_replaced integer := 0;
  n_unchanged integer;
  n_rejected integer;
  counts text;
  touched text[];
BEGIN
  PERFORM doudi.require_staff_may('import_crosscheck');
  IF p_kind IS NULL OR p_kind NOT IN ('medical', 'hukou', 'vehicle', 'business', 'deposit', 'property', 'insurance',
                                      'schooling') THEN
    RAISE EXCEPTION 'doudi:crosscheck.unknown_kind'
      USING DETAIL = json_build_object('kind', p_kind)::text, ERRCODE = 'RD000';
  END IF;
  IF coalesce(btrim(p_source), '') = '' OR coalesce(btrim(p_authorization), '') = '' OR p_as_of IS NULL
     OR coalesce(p_file_sha256, '') !~ '^[0-9a-f]{64}$' OR coalesce(p_rows_read, -1) < 0
     OR coalesce(p_rows_rejected, -1) < 0 THEN
    RAISE EXCEPTION 'doudi:crosscheck.batch_incomplete' USING ERRCODE = 'RD000';
  END IF;
  IF NOT doudi.session_is_superuser() THEN
    low := doudi.scope_low();
    high := doudi.scope_high();
  END IF;
  PERFORM 'PRAGMA:TABLE: doudi_crosscheck_in (line integer, row_key text, id_number text, name text, '
          'given_region text, region_code text, event_date date, category text, amount_fen bigint, '
          'covered_fen bigint, self_paid_fen bigint, detail jsonb, content_hash text)';
  PERFORM 'PRAGMA:TABLE: doudi_crosscheck_problem (line bigint, column_name text, code text, message text)';
  PERFORM 'PRAGMA:TABLE: doudi_crosscheck_current (row_key text, id bigint, content_hash text)';
  DROP TABLE IF EXISTS pg_temp.doudi_crosscheck_in, pg_temp.doudi_crosscheck_problem,
    pg_temp.doudi_crosscheck_current;
  -- The staged rows, each with the region it will be kept under: the one
  -- given, or the region of the caller's own household that has the person.
  CREATE TEMP TABLE doudi_crosscheck_in ON COMMIT DROP AS
    SELECT s.line, s.row_key, s.id_number, s.name, s.region_code AS given_region,
           coalesce(s.region_code, p.region_code) AS region_code, s.event_date, s.category, s.amount_fen,
           s.covered_fen, s.self_paid_fen, s.detail,
           md5(concat_ws(E'\x1f', s.id_number, s.name, s.region_code, s.event_date, s.category, s.amount_fen,
                         s.covered_fen, s.self_paid_fen, s.detail::text)) AS content_hash
    FROM doudi.crosscheck_stage AS s
    LEFT JOIN doudi.person AS p ON p.id_number = s.id_number AND p.left_on IS NULL
                               AND p.region_code BETWEEN low AND high
    WHERE s.batch = p_stage AND s.staged_by = session_user;
  DELETE FROM doudi.crosscheck_stage AS s WHERE s.batch = p_stage AND s.staged_by = session_user;

  -- The same file from the same department: nothing changes.
  SELECT b.id INTO existing FROM doudi.crosscheck_batch AS b
  WHERE b.kind = p_kind AND b.source_department = btrim(p_source) AND b.file_sha256 = p_file_sha256
    AND b.withdrawn_at IS NULL;
  IF existing IS NOT NULL THEN
    RETURN QUERY SELECT 'batch'::text, existing, NULL::text, 'already_imported'::text,
                        json_build_object('stored', 0, 'replaced', 0,
                                          'unchanged', (SELECT count(*) FROM pg_temp.doudi_crosscheck_in),
                                          'rejected', p_rows_rejected)::text;
    RETURN;
  END IF;
  ANALYZE pg_temp.doudi_crosscheck_in;

  CREATE TEMP TABLE doudi_crosscheck_problem (line bigint, column_name text, code text, message text) ON COMMIT DROP;
  INSERT INTO pg_temp.doudi_crosscheck_problem
  SELECT i.line, 'region_code', 'region_code.required',
         'the region code is required: this person is not a member of a household in your scope'
  FROM pg_temp.doudi_crosscheck_in AS i WHERE i.region_code IS NULL;
  INSERT INTO pg_temp.doudi_crosscheck_problem
  SELECT i.line, 'region_code', 'region_code.outside_scope', 'region code {1} is outside your scope' || E'\x1f'
         || i.given_region
  FROM pg_temp.doudi_crosscheck_in AS i WHERE NOT (i.given_region BETWEEN low AND high);
  INSERT INTO pg_temp.doudi_crosscheck_problem
  SELECT i.line, 'region_code', 'region_code.unknown', 'region code {1} is not a village of the region list'
         || E'\x1f' || i.given_region
  FROM pg_temp.doudi_crosscheck_in AS i
  WHERE i.given_region BETWEEN low AND high
    AND NOT EXISTS (SELECT 1 FROM doudi.region AS g WHERE g.code = i.given_region AND g.level = 'village');
  INSERT INTO pg_temp.doudi_crosscheck_problem
  SELECT i.line, 'row_key', 'row_key.duplicate_in_file', 'the same record as line {1}' || E'\x1f' || f.first_line
  FROM pg_temp.doudi_crosscheck_in AS i
  JOIN (SELECT d.row_key, min(d.line) AS first_line FROM pg_temp.doudi_crosscheck_in AS d
        GROUP BY d.row_key HAVING count(*) > 1) AS f ON f.row_key = i.row_key AND i.line > f.first_line;
  DELETE FROM pg_temp.doudi_crosscheck_in AS i WHERE EXISTS (SELECT 1 FROM pg_temp.doudi_crosscheck_problem AS p
                                                            WHERE p.line = i.line);

  -- What this department sent before under the same keys, in force.
  CREATE TEMP TABLE doudi_crosscheck_current ON COMMIT DROP AS
    SELECT DISTINCT ON (c.row_key) c.row_key, c.id, c.content_hash
    FROM doudi.crosscheck_current AS c JOIN pg_temp.doudi_crosscheck_in AS i ON i.row_key = c.row_key
    WHERE c.kind = p_kind AND c.source_department = btrim(p_source)
    ORDER BY c.row_key, c.id DESC;
  SELECT count(*) INTO n_unchanged FROM pg_temp.doudi_crosscheck_in AS i
  JOIN pg_temp.doudi_crosscheck_current AS c ON c.row_key = i.row_key AND c.content_hash = i.content_hash;
  SELECT count(*) INTO n_rejected FROM (SELECT DISTINCT p.line FROM pg_temp.doudi_crosscheck_problem AS p) AS p;
  n_rejected := n_rejected + p_rows_rejected;

  IF NOT p_dry_run THEN
    INSERT INTO doudi.crosscheck_batch (kind, source_department, as_of, authorization_ref, file_sha256, rows_read,
                                        rows_stored, rows_replaced, rows_unchanged, rows_rejected, region_low,
                                        region_high, imported_by)
    SELECT p_kind, btrim(p_source), p_as_of, btrim(p_authorization), p_file_sha256, p_rows_read, 0, 0, n_unchanged,
           n_rejected, min(i.region_code), max(i.region_code), session_user
    FROM pg_temp.doudi_crosscheck_in AS i
    RETURNING id INTO new_batch;
    WITH stored AS (
      INSERT INTO doudi.crosscheck_row AS r (batch_id, kind, source_department, row_key, line, id_number, name,
                                             region_code, event_date, category, amount_fen, covered_fen,
                                             self_paid_fen, detail, content_hash)
      SELECT new_batch, p_kind, btrim(p_source), i.row_key, i.line, i.id_number, i.name, i.region_code, i.event_date,
             i.category, i.amount_fen, i.covered_fen, i.self_paid_fen, i.detail, i.content_hash
      FROM pg_temp.doudi_crosscheck_in AS i
      LEFT JOIN pg_temp.doudi_crosscheck_current AS c ON c.row_key = i.row_key
      WHERE c.content_hash IS DISTINCT FROM i.content_hash
      ORDER BY i.line
      RETURNING r.id, r.row_key),
    replaced AS (
      INSERT INTO doudi.crosscheck_replaced (row_id, by_row_id)
      SELECT c.id, s.id FROM stored AS s JOIN pg_temp.doudi_crosscheck_current AS c ON c.row_key = s.row_key
      RETURNING 1)
    SELECT (SELECT count(*) FROM stored), (SELECT count(*) FROM replaced) INTO n_stored, n_replaced;
    UPDATE doudi.crosscheck_batch AS b SET rows_stored = n_stored, rows_replaced = n_replaced WHERE b.id = new_batch;

    -- Persons in no household anywhere: known from cross-check from now on
    -- (the latest row of each names them).
    INSERT INTO doudi.crosscheck_person AS k (id_number, name, region_code, batch_id)
    SELECT DISTINCT ON (i.id_number) i.id_number, i.name, i.region_code, new_batch
    FROM pg_temp.doudi_crosscheck_in AS i
    WHERE NOT EXISTS (SELECT 1 FROM doudi.person AS p WHERE p.id_number = i.id_number AND p.left_on IS NULL)
      AND EXISTS (SELECT 1 FROM doudi.region AS g WHERE g.code = i.region_code)
    ORDER BY i.id_number, i.event_date DESC, i.line DESC
    ON CONFLICT (id_number) DO UPDATE SET name = excluded.name, region_code = excluded.region_code,
                                          batch_id = excluded.batch_id, updated_at = now()
      WHERE (k.name, k.region_code) IS DISTINCT FROM (excluded.name, excluded.region_code);

    SELECT array_agg(DISTINCT i.id_number) INTO touched FROM pg_temp.doudi_crosscheck_in AS i;
    PERFORM doudi.screen_apply((SELECT array_agg(r.code ORDER BY r.position) FROM doudi.alert_rule AS r
                                WHERE r.reads @> ARRAY[p_kind]),
                               NULL, 'batch', new_batch, touched);
  END IF;

  counts := json_build_object('stored', CASE WHEN p_dry_run THEN (SELECT count(*) FROM pg_temp.doudi_crosscheck_in)
                                                                  - n_unchanged ELSE n_stored END,
                              'replaced', CASE WHEN p_dry_run THEN (SELECT count(*) FROM pg_temp.doudi_crosscheck_in AS i
                                                                    JOIN pg_temp.doudi_crosscheck_current AS c
                                                                      ON c.row_key = i.row_key
                                                                    WHERE c.content_hash <> i.content_hash)
                                               ELSE n_replaced END,
                              'unchanged', n_unchanged, 'rejected', n_rejected)::text;
  RETURN QUERY SELECT 'problem'::text, p.line, p.column_name, p.code, p.message
               FROM pg_temp.doudi_crosscheck_problem AS p ORDER BY p.line, p.column_name, p.code;
  RETURN QUERY SELECT 'batch'::text, new_batch, NULL::text, CASE WHEN p_dry_run THEN 'dry_run' ELSE 'new' END, counts;
END
$$;
REVOKE ALL ON FUNCTION doudi.crosscheck_import_apply(uuid,text,text,date,text,text,integer,integer,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.crosscheck_import_apply(uuid,text,text,date,text,text,integer,integer,boolean) TO doudi_center_admin;
