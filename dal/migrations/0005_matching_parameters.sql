-- Matching (智能匹配, docs/matching.md): the numbers of the 特困 definition
-- of "no capacity to work" become program parameters, so that the matching
-- rules (model/src/matching.cpp) read them like every other number. The
-- national values of 《特困人员认定办法》(2021) Art. 8, effective 2026-01-01
-- for the three demo places; a province that adds its own situations, or a
-- later rule, gives a new row.
INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note)
SELECT 'destitute', place.prefix, s.key, s.value, 'count', DATE '2026-01-01', s.note
FROM (VALUES ('331022'), ('350582'), ('500231')) AS place (prefix)
CROSS JOIN (VALUES
  ('incapacity_age_from', '60', '《特困人员认定办法》：60周岁以上的老年人视为无劳动能力'),
  ('incapacity_age_below', '16', '《特困人员认定办法》：未满16周岁的未成年人视为无劳动能力'),
  ('incapacity_grade_intellectual', '3', '《特困人员认定办法》：一、二、三级智力残疾人'),
  ('incapacity_grade_mental', '3', '《特困人员认定办法》：一、二、三级精神残疾人'),
  ('incapacity_grade_physical', '2', '《特困人员认定办法》：一、二级肢体残疾人'),
  ('incapacity_grade_visual', '1', '《特困人员认定办法》：一级视力残疾人')
) AS s (key, value, note);
