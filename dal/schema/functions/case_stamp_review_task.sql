-- The day a paid case joins the reviewer's list: its review date less the
-- review_task_lead_days parameter (30 days when a place has none).
CREATE OR REPLACE FUNCTION doudi.case_stamp_review_task() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.review_task_from := NEW.next_review_on
    - coalesce((SELECT v.value::integer FROM doudi.case_parameter(NEW.program, NEW.region_code,
                                                                  'review_task_lead_days') AS v), 30);
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION doudi.case_stamp_review_task() FROM PUBLIC;
