-- Case search (案件查询) under the caller's own row-level security (the
-- function is not a definer; doudi.case_overview is security_invoker): by a
-- current member's name (a part of it), by a member's full resident ID —
-- matched through the registry's ID search, doudi.registry_search_ids,
-- which applies the caller's scope, so no ID is compared or returned here
-- unmasked — by program, state, region prefix, the day opened (from, to,
-- inclusive) and overdue (the nearer deadline passed). '' or NULL leaves a
-- filter out. Newest first, at most p_limit (≤ 1000) rows, each with the
-- applicant's masked ID, the person the case names and whether it is a
-- per-person case (the person is then the applicant).
DROP FUNCTION IF EXISTS doudi.case_search(text,text,text,text,text,date,date,boolean,integer);
CREATE OR REPLACE FUNCTION doudi.case_search(p_name text, p_id text, p_program text, p_state text, p_region text,
                                             p_from date, p_to date, p_overdue boolean, p_limit integer)
RETURNS TABLE (id bigint, household_id bigint, applicant_name text, id_number_masked text, person_name text,
               region_code text, region_name text, program text, program_name text, step_order text, state text,
               version integer, step_due date, step_due_certain boolean, overall_due date,
               overall_due_certain boolean, deadline_status text, close_relative boolean, next_review_on date,
               opened_at timestamptz, follows_case_id bigint, person_id bigint, per_person boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF char_length(coalesce(p_name, '')) > 50 OR char_length(coalesce(p_id, '')) > 50 THEN
    RAISE EXCEPTION 'doudi:search.too_long'
      USING ERRCODE = 'string_data_right_truncation', DETAIL = json_build_object('limit', 50)::text;
  END IF;
  RETURN QUERY
  SELECT o.id, o.household_id, o.applicant_name,
         -- the applicant's (case_overview's): a per-person case's person, else the head
         CASE WHEN c.per_person THEN (SELECT p.id_number_masked FROM doudi.person AS p WHERE p.id = c.person_id)
              ELSE (SELECT p.id_number_masked FROM doudi.person AS p
                    WHERE p.household_id = o.household_id AND p.left_on IS NULL
                    ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1) END,
         (SELECT p.name FROM doudi.person AS p WHERE p.id = c.person_id),
         o.region_code, o.region_name, o.program, o.program_name, o.step_order, o.state, o.version, o.step_due,
         o.step_due_certain, o.overall_due, o.overall_due_certain, o.deadline_status, o.close_relative,
         o.next_review_on, o.opened_at, c.follows_case_id, c.person_id, c.per_person
  FROM doudi.case_overview AS o
  JOIN doudi.assistance_case AS c ON c.id = o.id
  WHERE (coalesce(p_program, '') = '' OR o.program = p_program)
    AND (coalesce(p_state, '') = '' OR o.state = p_state)
    AND (coalesce(p_region, '') = '' OR left(o.region_code, length(p_region)) = p_region)
    AND (p_from IS NULL OR o.opened_at >= p_from::timestamptz)
    AND (p_to IS NULL OR o.opened_at < (p_to + 1)::timestamptz)
    AND (NOT coalesce(p_overdue, false) OR o.deadline_status = 'overdue')
    AND (coalesce(p_name, '') = ''
         OR EXISTS (SELECT 1 FROM doudi.person AS p
                    WHERE p.household_id = o.household_id AND p.left_on IS NULL AND strpos(p.name, p_name) > 0))
    AND (coalesce(p_id, '') = ''
         OR o.household_id IN (SELECT p.household_id FROM doudi.person AS p
                               WHERE p.id IN (SELECT doudi.registry_search_ids('full_id', upper(p_id), '', '', '',
                                                                               '', ''))))
  ORDER BY o.opened_at DESC, o.id DESC
  LIMIT least(greatest(coalesce(p_limit, 200), 0), 1000);
END
$$;
REVOKE ALL ON FUNCTION doudi.case_search(text,text,text,text,text,date,date,boolean,integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_search(text,text,text,text,text,date,date,boolean,integer) TO doudi_user;
