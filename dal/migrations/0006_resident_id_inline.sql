-- The resident ID check is inlined again. doudi.resident_id_valid and
-- doudi.is_real_yyyymmdd were STRICT, and PostgreSQL inlines a STRICT SQL
-- function only when its body is strict too, which a CASE is not: every
-- CHECK on an ID number (person, crosscheck_row, crosscheck_person) ran the
-- function through the SQL-function executor, about 65 µs a row on the
-- development machine — 6.5 s of every 100,000 cross-check rows stored
-- (docs/benchmarks.md, issue 14). Called on NULL input, both bodies already
-- give NULL for NULL, so nothing they answer changes; inlined, the same
-- check costs about 8 µs.
ALTER FUNCTION doudi.resident_id_valid(text) CALLED ON NULL INPUT;
ALTER FUNCTION doudi.is_real_yyyymmdd(text) CALLED ON NULL INPUT;
