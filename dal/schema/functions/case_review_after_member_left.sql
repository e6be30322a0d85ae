-- 0015: a paid household whose member leaves is reviewed within the
-- review_after_death parameter (3 months, 《最低生活保障审核确认办法》: after a
-- member's death). The registry records that a member left (person.left_on),
-- not why; every departure changes the household's size and so the amount,
-- so every departure brings the review forward, a death included.
-- The registry's save runs as the desk user, who may not update cases: the
-- trigger runs as the owner and touches only the review date of the
-- household's cases in payment.
CREATE OR REPLACE FUNCTION doudi.case_review_after_member_left() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE doudi.assistance_case AS c
  SET next_review_on = least(c.next_review_on,
        (gone.left_on + make_interval(months => coalesce(
           (SELECT v.value::integer FROM doudi.case_parameter(c.program, c.region_code, 'review_after_death') AS v),
           3)))::date)
  FROM (SELECT n.household_id, min(n.left_on) AS left_on
        FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
        WHERE o.left_on IS NULL AND n.left_on IS NOT NULL
        GROUP BY n.household_id) AS gone
  WHERE c.household_id = gone.household_id AND c.state = 'in_payment';
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_review_after_member_left() FROM PUBLIC;
