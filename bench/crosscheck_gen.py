#!/usr/bin/env python3
"""Synthetic cross-check files for the discovery benchmark (scripts/bench-discovery,
docs/benchmarks.md), in the formats of docs/crosscheck-format.md with Chinese headers.

  crosscheck_gen.py PERSONS VILLAGES OUTDIR --settlements N --assets N [--batch N] [--seed S]

PERSONS: CSV id_number,name,region_code of the registry (psql \\copy out);
VILLAGES: one 12-digit village code a line. Writes OUTDIR/medical.csv (N
settlements dated 2025-01-01 .. 2026-11-30, 97 % for registry persons drawn
at random, 3 % for persons not in the registry, who carry a village's region
code), vehicle.csv, business.csv and deposit.csv (N rows together, 40 / 20 /
40 %, registry persons), and medical_batch.csv (--batch new settlements, the
incremental batch). Every ID number is valid (GB 11643 check digit), every
credit code too; amounts are yuan with two decimals; about 1 % of
settlements are large (20,000–150,000 yuan) so that the medical rules find
persons over their limits.
"""
import argparse
import csv
import datetime
import random

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
PROVINCE = {"33": "浙J", "35": "闽C", "50": "渝G"}
INSTITUTIONS = ["县人民医院", "县中医院", "市第一人民医院", "乡镇卫生院", "省人民医院", "社区卫生服务中心"]
BANKS = ["农商银行", "农业银行", "邮储银行", "建设银行", "工商银行"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁"
GIVEN = "建国伟芳秀英明华军平德春生丽海强燕红志"
FIRST_DAY = datetime.date(2025, 1, 1)
DAYS = (datetime.date(2026, 11, 30) - FIRST_DAY).days + 1


def id_check(first17):
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def credit_code(first17):
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return first17 + CREDIT_ALPHABET[(31 - total % 31) % 31]


def yuan(fen):
    return f"{fen // 100}.{fen % 100:02d}"


def day(rng):
    return (FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))).isoformat()


def medical_total(rng):
    if rng.random() < 0.01:
        return rng.randrange(2_000_000, 15_000_000)
    return int(rng.lognormvariate(11.0, 1.0))  # median about 600 yuan


def unregistered_pool(rng, villages, registered, count):
    pool = []
    while len(pool) < count:
        village = rng.choice(villages)
        birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 80))
        first17 = village[:6] + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
        number = first17 + id_check(first17)
        if number not in registered:
            pool.append((number, rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), village))
    return pool


def medical_rows(rng, persons, outsiders, count, prefix):
    for n in range(count):
        if rng.random() < 0.97:
            id_number, name, _ = rng.choice(persons)
            region = ""
        else:
            id_number, name, region = rng.choice(outsiders)
        total = medical_total(rng)
        self_paid = total * rng.randrange(20, 61) // 100
        yield [f"{prefix}{n:08d}", id_number, name, region, day(rng), rng.choice(INSTITUTIONS),
               yuan(total), yuan(total - self_paid), yuan(self_paid)]


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("persons")
    parser.add_argument("villages")
    parser.add_argument("outdir")
    parser.add_argument("--settlements", type=int, required=True)
    parser.add_argument("--assets", type=int, required=True)
    parser.add_argument("--batch", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.persons, encoding="utf-8") as f:
        persons = [tuple(row) for row in csv.reader(f)]
    with open(args.villages, encoding="utf-8") as f:
        villages = [line.strip() for line in f if line.strip()]
    registered = {p[0] for p in persons}
    outsiders = unregistered_pool(rng, villages, registered, max(100, len(persons) // 100))

    write(f"{args.outdir}/medical.csv",
          ["结算单号", "身份证号", "姓名", "区划代码", "就诊日期", "医疗机构", "医疗总费用", "医保报销", "个人自付"],
          medical_rows(rng, persons, outsiders, args.settlements, "YB"))
    write(f"{args.outdir}/medical_batch.csv",
          ["结算单号", "身份证号", "姓名", "区划代码", "就诊日期", "医疗机构", "医疗总费用", "医保报销", "个人自付"],
          medical_rows(rng, persons, outsiders, args.batch, "YBNEW"))

    def owners(count):
        for n in range(count):
            id_number, name, region = rng.choice(persons)
            yield n, id_number, name, region

    vehicles = args.assets * 2 // 5
    businesses = args.assets // 5
    deposits = args.assets - vehicles - businesses
    types = ["小型汽车"] * 6 + ["摩托车"] * 3 + ["货车", "三轮车", "农用车", "残疾人专用车", "其他"]
    write(f"{args.outdir}/vehicle.csv", ["身份证号", "姓名", "区划代码", "号牌号码", "车辆类型", "登记日期", "车辆价值"],
          ([i, nm, "", PROVINCE.get(r[:2], "浙A") + f"{n:06X}"[-6:], rng.choice(types),
            (datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randrange(7600))).isoformat(),
            yuan(rng.randrange(200_000, 30_000_000)) if rng.random() < 0.7 else ""]
           for n, i, nm, r in owners(vehicles)))
    statuses = ["存续"] * 7 + ["注销", "注销", "吊销"]
    kinds = ["个体工商户"] * 6 + ["企业"] * 3 + ["农民专业合作社"]
    write(f"{args.outdir}/business.csv",
          ["身份证号", "姓名", "区划代码", "统一社会信用代码", "企业名称", "类型", "登记状态", "成立日期", "注册资本"],
          ([i, nm, "", credit_code("92" + r[:6] + f"{n:09d}"), f"{nm}经营部{n}", rng.choice(kinds),
            rng.choice(statuses), (datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9400))).isoformat(),
            yuan(rng.randrange(1_000_000, 100_000_000)) if rng.random() < 0.8 else ""]
           for n, i, nm, r in owners(businesses)))
    assets = ["存款"] * 7 + ["理财", "证券", "基金"]
    write(f"{args.outdir}/deposit.csv",
          ["身份证号", "姓名", "区划代码", "金融机构", "账号", "资产类型", "余额", "余额日期"],
          ([i, nm, "", rng.choice(BANKS) + r[:6] + "支行", f"62{n:017d}", rng.choice(assets),
            yuan(int(rng.lognormvariate(14.5, 1.5))), "2026-11-30"]
           for n, i, nm, r in owners(deposits)))


if __name__ == "__main__":
    main()
