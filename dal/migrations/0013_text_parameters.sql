-- 0013: parameters that are words, not numbers: the office that issues a
-- place's documents (its name is the local government's to set, and it
-- changes with reorganisations, so it carries an effective date like any
-- rule), and the periods for objecting to a decision, which the decision and
-- the refusal notice print.
ALTER TABLE doudi.program_parameter DROP CONSTRAINT program_parameter_unit_check,
  DROP CONSTRAINT program_parameter_check;
ALTER TABLE doudi.program_parameter
  ADD CONSTRAINT program_parameter_unit_check
    CHECK (unit IN ('fen', 'percent', 'working_days', 'calendar_days', 'months', 'code', 'count', 'text')),
  -- text: one line of at most 100 characters, no surrounding spaces.
  ADD CONSTRAINT program_parameter_value_check
    CHECK (CASE unit
             WHEN 'fen' THEN value ~ '^(0|[1-9][0-9]{0,15})$'
             WHEN 'code' THEN value ~ '^[a-z][a-z0-9_]{0,62}$'
             WHEN 'text' THEN value <> '' AND value = btrim(value) AND char_length(value) <= 100
                              AND value !~ '[[:cntrl:]]'
             ELSE value ~ '^[1-9][0-9]{0,8}$' END);

INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT 'dibao', s.prefix, s.key, s.value, s.unit, DATE '2026-01-01', s.note
FROM (VALUES
  ('331022', 'issuing_office', '三门县民政局', 'text', '演示值：文书落款单位'),
  ('350582', 'issuing_office', '晋江市民政局', 'text', '演示值：文书落款单位'),
  ('500231', 'issuing_office', '垫江县民政局', 'text', '演示值：文书落款单位'),
  ('331022', 'administrative_review_days', '60', 'calendar_days', '《行政复议法》：知道该行政行为之日起60日内申请行政复议'),
  ('350582', 'administrative_review_days', '60', 'calendar_days', '《行政复议法》：知道该行政行为之日起60日内申请行政复议'),
  ('500231', 'administrative_review_days', '60', 'calendar_days', '《行政复议法》：知道该行政行为之日起60日内申请行政复议'),
  ('331022', 'lawsuit_months', '6', 'months', '《行政诉讼法》：知道作出行政行为之日起6个月内提起诉讼'),
  ('350582', 'lawsuit_months', '6', 'months', '《行政诉讼法》：知道作出行政行为之日起6个月内提起诉讼'),
  ('500231', 'lawsuit_months', '6', 'months', '《行政诉讼法》：知道作出行政行为之日起6个月内提起诉讼')
) AS s (prefix, key, value, unit, note);
