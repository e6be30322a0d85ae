-- What a file is attached to, as the caller may see it: the household it
-- belongs to (NULL: an alert about a person not registered) and its region
-- (the household's, else the alert's). Nothing (region NULL) for an owner
-- that does not exist and alike for one the caller may not see: outside the
-- scope, an alert of a rule the caller's group does not handle, or for a
-- department liaison anything but a referral to their own department of a
-- household they may see (doudi.liaison_may_see). The attachment functions
-- ask it for every read and write; the row-level security of
-- policies/attachment.sql says the same for the records.
CREATE OR REPLACE FUNCTION doudi.attachment_owner(p_kind text, p_id bigint, OUT household_id bigint,
                                                  OUT region_code text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_group text := coalesce(doudi.session_group(), '');
  v_rule text;
  v_department text;
BEGIN
  SELECT o.household_id, coalesce(h.region_code, o.region_code), o.rule, o.department
  INTO household_id, region_code, v_rule, v_department
  FROM (SELECT x.id AS household_id, x.region_code::text AS region_code, NULL::text AS rule, NULL::text AS department
        FROM doudi.household AS x WHERE p_kind = 'household' AND x.id = p_id
        UNION ALL
        SELECT x.household_id, x.region_code, NULL, NULL FROM doudi.person AS x WHERE p_kind = 'member' AND x.id = p_id
        UNION ALL
        SELECT x.household_id, x.region_code, NULL, NULL FROM doudi.assistance_case AS x
        WHERE p_kind = 'case' AND x.id = p_id
        UNION ALL
        SELECT c.household_id, c.region_code, NULL, NULL
        FROM doudi.case_evidence AS e JOIN doudi.assistance_case AS c ON c.id = e.case_id
        WHERE p_kind = 'evidence' AND e.id = p_id
        UNION ALL
        SELECT x.household_id, x.region_code, x.rule, NULL FROM doudi.alert AS x WHERE p_kind = 'alert' AND x.id = p_id
        UNION ALL
        SELECT x.household_id, x.region_code, NULL, x.department FROM doudi.referral AS x
        WHERE p_kind = 'referral' AND x.id = p_id
        UNION ALL
        SELECT x.household_id, x.region_code, NULL, NULL FROM doudi.pairing_visit AS x
        WHERE p_kind = 'visit' AND x.id = p_id) AS o
  LEFT JOIN doudi.household AS h ON h.id = o.household_id;
  IF region_code IS NULL OR doudi.session_is_superuser() THEN
    RETURN;
  END IF;
  IF region_code NOT BETWEEN doudi.scope_low() AND doudi.scope_high()
     OR v_group NOT IN ('village_clerk', 'township_reviewer', 'city_decider', 'finance_officer', 'center_admin',
                        'auditor', 'department_liaison')
     OR (v_group = 'department_liaison'
         AND (p_kind <> 'referral' OR v_department IS DISTINCT FROM doudi.session_department()
              OR NOT doudi.liaison_may_see(household_id)))
     OR (p_kind = 'alert' AND NOT doudi.handles_alerts(v_rule, NULL)) THEN
    household_id := NULL;
    region_code := NULL;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION doudi.attachment_owner(text,bigint) FROM PUBLIC;
