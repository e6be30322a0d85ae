-- A synthetic province for scripts/bench-province, generated in SQL as the
-- superuser (set-based INSERT ... SELECT; the registry's CHECKs, generated
-- columns and triggers, audit trail included, all stay on). psql variables:
--   households, cases, xrows (cross-check rows): the sizes
-- Deterministic: every value comes from hashint8extended of a row number.
-- The province is 浙江省 (33) with its 11 real prefecture codes; 100
-- counties (codes 33PPCC, synthetic names), 15 townships each, 20 villages
-- per township: 30,000 villages whatever the scale. Household h lives in
-- village (h - 1) % 30000, so every county holds 1/100 of the registry.
-- Person k = 3 (h - 1) + position; members per household 2 + h % 2 (2.5 on
-- average: 10M persons in 4M households at scale 1). Resident ID of person
-- k: the household's county code, birth date 1935-01-01 + k % 29000 days,
-- sequence (k / 29000) % 1000, GB 11643 check character: unique for k up to
-- 29M (scale 2.4; the script refuses more).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE SCHEMA bench;
CREATE FUNCTION bench.r(k bigint, salt integer, n integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((hashint8extended(k, salt) & 2147483647) % n)::integer $$;

CREATE FUNCTION bench.county_code(c integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '33' || lpad((c % 11 + 1)::text, 2, '0') || (41 + c / 11)::text
$$;

-- The region tree.
INSERT INTO doudi.region (code, name, parent_code) VALUES ('330000000000', '浙江省', NULL) ON CONFLICT (code) DO NOTHING;
INSERT INTO doudi.region (code, name, parent_code)
SELECT '33' || lpad(p::text, 2, '0') || '00000000', name, '330000000000'
FROM unnest(ARRAY['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市',
                  '丽水市']) WITH ORDINALITY AS t (name, p)
ON CONFLICT (code) DO NOTHING;
CREATE TABLE bench.county AS
SELECT i AS c, bench.county_code(i) AS code,
       '模拟县' || lpad((i + 1)::text, 3, '0') AS name
FROM generate_series(0, 99) AS i;
INSERT INTO doudi.region (code, name, parent_code)
SELECT code || '000000', name, left(code, 4) || '00000000' FROM bench.county ON CONFLICT (code) DO NOTHING;
INSERT INTO doudi.region (code, name, parent_code)
SELECT c.code || (100 + t)::text || '000', c.name || '第' || t || '镇', c.code || '000000'
FROM bench.county AS c, generate_series(1, 15) AS t ON CONFLICT (code) DO NOTHING;
CREATE TABLE bench.village AS
SELECT c.c * 300 + (t - 1) * 20 + (v - 1) AS v, c.c,
       c.code || (100 + t)::text || (200 + v)::text AS code,
       c.name || '第' || t || '镇第' || v || '村' AS name
FROM bench.county AS c, generate_series(1, 15) AS t, generate_series(1, 20) AS v;
ALTER TABLE bench.village ADD PRIMARY KEY (v);
INSERT INTO doudi.region (code, name, parent_code)
SELECT code, name, left(code, 9) || '000' FROM bench.village ON CONFLICT (code) DO NOTHING;

-- Names: one of 40 common surnames and a given name of one or two characters.
CREATE FUNCTION bench.person_name(k bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (ARRAY['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何',
                '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田',
                '董', '袁', '潘', '于', '蒋', '蔡'])[1 + bench.r(k, 1, 40)]
      || (ARRAY['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超',
                '秀', '霞', '平', '刚', '桂', '英', '华', '玉', '兰', '萍', '红', '建', '国', '文', '辉', '成', '林',
                '波', '斌', '宇', '浩', '凯', '鹏', '俊', '帆', '晨', '欣', '怡', '婷', '雪', '梅', '琳', '丹', '海',
                '志', '春', '秋', '荣', '福', '贵', '德', '生', '云'])[1 + bench.r(k, 2, 60)]
      || CASE WHEN bench.r(k, 3, 10) < 7
              THEN (ARRAY['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛',
                          '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '玉', '兰', '萍', '红', '建', '国'])
                   [1 + bench.r(k, 4, 30)]
              ELSE '' END
$$;
-- Expressions only (STABLE for to_char), so the planner inlines them.
CREATE FUNCTION bench.id17(k bigint) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT bench.county_code((((k / 3) % 30000) / 300)::integer)
         || to_char(DATE '1935-01-01' + (k % 29000)::integer, 'YYYYMMDD') || lpad(((k / 29000) % 1000)::text, 3, '0')
$$;
CREATE FUNCTION bench.id_number(k bigint) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT bench.id17(k) || doudi.resident_id_check_character(bench.id17(k))
$$;

-- The registry, one county per transaction (the audit trail writes each
-- county's rows in one statement per table).
CREATE PROCEDURE bench.fill_county(p_c integer, p_households bigint) LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE hh ON COMMIT DROP AS
  SELECT 30000::bigint * m + p_c * 300 + r + 1 AS h FROM generate_series(0, (p_households - 1) / 30000) AS m,
         generate_series(0, 299) AS r
  WHERE 30000::bigint * m + p_c * 300 + r + 1 <= p_households;
  INSERT INTO doudi.household (id, region_code, address, phone, housing, bank_name, bank_account, registry_status)
  SELECT hh.h, v.code, v.name || (1 + bench.r(hh.h, 5, 300)) || '号', '13' || lpad(bench.r(hh.h, 6, 1000000000)::text, 9, '0'),
         (ARRAY['owned', 'owned', 'owned', 'owned', 'rented', 'borrowed', 'dilapidated'])[1 + bench.r(hh.h, 7, 7)],
         '农村信用合作联社', '6221' || lpad(hh.h::text, 15, '0'),
         (ARRAY['dibao', 'dibao', 'dibao', 'dibao', 'near_dibao', 'near_dibao', 'destitute', 'other_low_income',
                'other_low_income', 'other_low_income', 'none', 'none', 'none', 'none', 'none', 'none', 'none',
                'none', 'none', 'none'])[1 + bench.r(hh.h, 8, 20)]
  FROM hh JOIN bench.village AS v ON v.v = (hh.h - 1) % 30000;
  INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation)
  SELECT hh.h, v.code, pos, bench.id_number(3 * (hh.h - 1) + pos), bench.person_name(3 * (hh.h - 1) + pos),
         (ARRAY['head', 'spouse', 'child'])[pos + 1]
  FROM hh JOIN bench.village AS v ON v.v = (hh.h - 1) % 30000, generate_series(0, 1 + (hh.h % 2)::integer) AS pos;
  INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen)
  SELECT p.household_id, p.region_code, p.id, 'declared', 20000 + bench.r(p.id, 9, 200000)
  FROM hh JOIN doudi.person AS p ON p.household_id = hh.h AND p.position = 0
  WHERE bench.r(hh.h, 10, 10) < 7;
END
$$;

-- Cases of a county: a quarter of the households, programs and states in
-- realistic shares (assets/rules/case_states.csv); the paying ones with the
-- amount proposal, the decision step and the benefit that
-- doudi.payments_generate reads (their ids are the case's).
CREATE PROCEDURE bench.cases_county(p_c integer) LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO doudi.assistance_case (household_id, region_code, program, step_order, state, state_since, accepted_on,
                                     decided_on, benefit_end_month)
  SELECT h.id, h.region_code, x.program, 'national', x.state, DATE '2025-11-01' + bench.r(h.id, 13, 360),
         DATE '2025-10-01' + bench.r(h.id, 14, 30),
         CASE WHEN x.paying THEN DATE '2025-11-01' + bench.r(h.id, 14, 25) END,
         CASE WHEN x.state = 'terminated' THEN DATE '2025-12-01' + make_interval(months => bench.r(h.id, 15, 11)) END
  FROM doudi.household AS h
  CROSS JOIN LATERAL (
    SELECT p AS program, s AS state,
           s IN ('in_payment', 'under_review', 'adjusted', 'gradual_exit', 'terminated') AS paying
    FROM (SELECT (ARRAY['dibao', 'dibao', 'dibao', 'dibao', 'dibao', 'dibao', 'dibao', 'destitute', 'destitute',
                        'near_dibao'])[1 + bench.r(h.id, 16, 10)] AS p,
                 (ARRAY['in_payment', 'in_payment', 'in_payment', 'in_payment', 'in_payment', 'in_payment',
                        'in_payment', 'in_payment', 'in_payment', 'in_payment', 'in_payment', 'in_payment',
                        'under_review', 'gradual_exit', 'adjusted', 'terminated', 'terminated', 'refusal_notified',
                        'applied', 'accepted', 'surveyed', 'verified', 'village_recommended', 'township_reviewed',
                        'in_public_notice', 'awaiting_decision', 'decided_approved', 'notified'])
                 [1 + bench.r(h.id, 17, 28)] AS s) AS y) AS x
  WHERE h.region_code BETWEEN bench.county_code(p_c) || '000000' AND bench.county_code(p_c) || '999999'
    AND bench.r(h.id, 11, 4) = 0;
  CREATE TEMP TABLE paying ON COMMIT DROP AS
  SELECT c.id, c.region_code, c.decided_on, 30000 + bench.r(c.id, 18, 60000) AS monthly_fen,
         CASE WHEN bench.r(c.id, 19, 10) = 0 THEN 50000 ELSE 0 END AS one_off_fen
  FROM doudi.assistance_case AS c
  WHERE c.region_code BETWEEN bench.county_code(p_c) || '000000' AND bench.county_code(p_c) || '999999'
    AND c.decided_on IS NOT NULL;
  INSERT INTO doudi.case_amount_proposal (id, case_id, region_code, monthly_fen, one_off_fen, proposed_by, proposed_at,
                                          request_id)
  SELECT id, id, region_code, monthly_fen, one_off_fen, 'bench', decided_on - 5, gen_random_uuid() FROM paying;
  INSERT INTO doudi.case_step (id, case_id, region_code, from_state, action, to_state, level, version, actor, acted_at,
                               request_id)
  SELECT id, id, region_code, 'awaiting_decision', 'approve', 'decided_approved', 'city', 1, 'bench', decided_on,
         gen_random_uuid() FROM paying;
  INSERT INTO doudi.case_benefit (case_id, region_code, effective_month, decided_on, monthly_fen, one_off_fen, working,
                                  proposal_id, step_id)
  SELECT id, region_code, DATE '2025-12-01', decided_on, monthly_fen, one_off_fen, '{}', id, id FROM paying;
END
$$;

-- Cross-check data: twelve monthly medical-insurance settlement batches
-- (80% of the rows) and one batch each of vehicles (5%), business
-- registrations (5%) and deposits (10%), every row naming a registered
-- person. Row j of the whole set: person of household 1 + r(j) % households.
CREATE PROCEDURE bench.crosscheck(p_rows bigint, p_households bigint) LANGUAGE plpgsql AS $$
DECLARE
  b record;
  batch bigint;
  first_j bigint := 1;
  n bigint;
BEGIN
  FOR b IN SELECT * FROM (VALUES
      ('medical', '医疗保障局', 1, 0.8 / 12), ('medical', '医疗保障局', 2, 0.8 / 12), ('medical', '医疗保障局', 3, 0.8 / 12),
      ('medical', '医疗保障局', 4, 0.8 / 12), ('medical', '医疗保障局', 5, 0.8 / 12), ('medical', '医疗保障局', 6, 0.8 / 12),
      ('medical', '医疗保障局', 7, 0.8 / 12), ('medical', '医疗保障局', 8, 0.8 / 12), ('medical', '医疗保障局', 9, 0.8 / 12),
      ('medical', '医疗保障局', 10, 0.8 / 12), ('medical', '医疗保障局', 11, 0.8 / 12), ('medical', '医疗保障局', 12, 0.8 / 12),
      ('vehicle', '公安局交通管理局', 12, 0.05), ('business', '市场监督管理局', 12, 0.05), ('deposit', '人民银行', 12, 0.1))
    AS t (kind, department, month, share)
  LOOP
    n := greatest(1, round(p_rows * b.share));
    INSERT INTO doudi.crosscheck_batch (kind, source_department, as_of, authorization_ref, file_sha256, rows_read,
                                        rows_stored, rows_replaced, rows_unchanged, rows_rejected, region_low,
                                        region_high, imported_by)
    VALUES (b.kind, b.department, (DATE '2025-12-01' + make_interval(months => b.month))::date - 1,
            'BENCH-' || b.kind || '-' || b.month, encode(sha256(convert_to(b.kind || b.month, 'UTF8')), 'hex'),
            n, n, 0, 0, 0, '330000000000', '339999999999', 'bench')
    RETURNING id INTO batch;
    INSERT INTO doudi.crosscheck_row (batch_id, kind, source_department, row_key, line, id_number, name, region_code,
                                      event_date, category, amount_fen, covered_fen, self_paid_fen, content_hash)
    SELECT batch, b.kind, b.department, upper(left(b.kind, 2)) || j, (j - first_j + 1)::integer,
           bench.id_number(3 * (h - 1) + pos), bench.person_name(3 * (h - 1) + pos), v.code,
           (DATE '2025-12-01' + make_interval(months => b.month - 1))::date + bench.r(j, 22, 28),
           CASE b.kind WHEN 'medical' THEN (ARRAY['outpatient', 'inpatient'])[1 + bench.r(j, 23, 2)]
                       WHEN 'vehicle' THEN 'car' WHEN 'business' THEN 'individual' ELSE 'savings' END,
           amount, CASE WHEN b.kind = 'medical' THEN amount - self_paid END,
           CASE WHEN b.kind = 'medical' THEN self_paid END, md5(j::text)
    FROM generate_series(first_j, first_j + n - 1) AS j
    CROSS JOIN LATERAL (SELECT 1 + bench.r(j, 20, p_households::integer)::bigint AS h) AS hh
    CROSS JOIN LATERAL (SELECT bench.r(j, 21, 2 + (hh.h % 2)::integer) AS pos,
                               1000 + bench.r(j, 24, CASE b.kind WHEN 'medical' THEN 2000000 ELSE 20000000 END)::bigint
                                 AS amount) AS a
    CROSS JOIN LATERAL (SELECT a.amount * bench.r(j, 25, 60) / 100 AS self_paid) AS s
    JOIN bench.village AS v ON v.v = (hh.h - 1) % 30000;
    first_j := first_j + n;
    COMMIT;
  END LOOP;
END
$$;
