// The registry at city scale: generates a synthetic registry, times
// `doudi-admin import` against psql's \copy of the same rows into the same
// tables with the same indexes (in one run, side by side), then times every
// kind of registry search through the data layer, and reports sizes.
// Environment: DOUDI_BENCH_DB (maintenance database of a cluster),
// PGPASSFILE, DOUDI_PSQL (psql to use). Prints Markdown.
#include <libpq-fe.h>

#include <Poco/Process.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "demo_data.h"
#include "doudi/model/staff.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/money.h"
#include "household_file.h"

namespace {

using Clock = std::chrono::steady_clock;
using doudi::model::ImportColumn;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') throw std::runtime_error(std::string(name) + " is not set (run scripts/bench)");
  return v;
}

std::string Sql(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  PGresult* r = PQexec(conn, sql.c_str());
  const auto status = PQresultStatus(r);
  std::string value;
  if (status == PGRES_TUPLES_OK && PQntuples(r) > 0) value = PQgetvalue(r, 0, 0);
  const std::string error = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(conn);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw std::runtime_error(sql + ": " + error);
  return value;
}

std::vector<std::string> Column(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  PGresult* r = PQexec(conn, sql.c_str());
  std::vector<std::string> values;
  for (int i = 0; i < PQntuples(r); ++i) values.emplace_back(PQgetvalue(r, i, 0));
  PQclear(r);
  PQfinish(conn);
  return values;
}

int Run(const std::string& exe, const std::vector<std::string>& args) {
  Poco::ProcessHandle handle = Poco::Process::launch(exe, args);
  return handle.wait();
}

std::string NewDatabase(const std::string& admin, const std::string& name) {
  Sql(admin, "DROP DATABASE IF EXISTS " + name);
  Sql(admin, "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
  const std::string conninfo = admin + " dbname=" + name;
  doudi::dal::pg::PgDatabase db(conninfo);
  db.Migrator().Migrate();
  return conninfo;
}

// The same rows as the template file, shaped as the tables for a plain
// \copy, with the ids and region codes the importer would give them. The
// synthetic registry writes each head before the household's other members.
void WriteTableFiles(const doudi::admin::SyntheticRegistry& reg, const std::filesystem::path& dir) {
  std::ofstream households(dir / "household.csv"), persons(dir / "person.csv"), incomes(dir / "income_item.csv");
  std::map<std::string, std::pair<long long, std::string>> byRef;  // ref -> id, region
  std::map<std::string, int> positions;
  long long personId = 0;
  for (const auto& row : reg.rows) {
    const auto& ref = row[ImportColumn::HouseholdRef];
    auto [it, isNew] = byRef.emplace(ref, std::pair{static_cast<long long>(byRef.size() + 1), row[ImportColumn::RegionCode]});
    const auto& [householdId, region] = it->second;
    if (isNew) {
      households << householdId << ',' << region << ',' << doudi::admin::CsvField(row[ImportColumn::Address]) << ",owned,"
                 << row[ImportColumn::BankAccount] << ',' << row[ImportColumn::RegistryStatus] << ",bench," << ref << '\n';
    }
    ++personId;
    persons << personId << ',' << householdId << ',' << region << ',' << positions[ref]++ << ','
            << row[ImportColumn::IdNumber] << ',' << row[ImportColumn::Name] << ',' << row[ImportColumn::Relation] << '\n';
    const auto fen = doudi::model::Money::ParseYuan(row[ImportColumn::MonthlyIncome]).value_or(doudi::model::Money{}).Fen();
    if (fen > 0) incomes << householdId << ',' << region << ',' << personId << ",declared," << fen << '\n';
  }
}

struct Latency {
  double p50 = 0, p95 = 0, max = 0;
  std::size_t n = 0;
};

Latency Measure(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  Latency l;
  l.n = ms.size();
  if (ms.empty()) return l;
  l.p50 = ms[ms.size() / 2];
  l.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  l.max = ms.back();
  return l;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::int64_t households = 400000;
    int samples = 200;
    std::filesystem::path work = "bench/out";
    for (int i = 1; i + 1 < argc; i += 2) {
      const std::string key = argv[i];
      if (key == "--households") households = std::stoll(argv[i + 1]);
      else if (key == "--samples") samples = std::stoi(argv[i + 1]);
      else if (key == "--workdir") work = argv[i + 1];
      else throw std::runtime_error("unknown option " + key);
    }
    const std::string admin = Env("DOUDI_BENCH_DB");
    const std::string psql = Env("DOUDI_PSQL");
    std::filesystem::create_directories(work);
    const auto today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};

    auto t = Clock::now();
    const auto reg = doudi::admin::MakeSyntheticRegistry(households, 1, today);
    const double generate = Seconds(t);
    {
      std::ofstream out(work / "registry.csv", std::ios::binary);
      doudi::admin::HouseholdCsvWriter writer(out, {}, false);
      for (const auto& row : reg.rows) writer.Write(row);
    }
    WriteTableFiles(reg, work);
    std::cerr << "generated " << reg.rows.size() << " persons in " << households << " households\n";

    const std::string importDb = NewDatabase(admin, "bench_import");
    const std::string copyDb = NewDatabase(admin, "bench_copy");
    for (const auto& db : {importDb, copyDb}) doudi::dal::pg::PgDatabase(db).UpsertRegions(reg.regions);

    t = Clock::now();
    const int importExit = Run(DOUDI_ADMIN_EXE, {"--db", importDb, "import", "households",
                                                 (work / "registry.csv").string(), "--source", "bench"});
    const double importSeconds = Seconds(t);
    if (importExit != 0) throw std::runtime_error("doudi-admin import failed with exit " + std::to_string(importExit));

    const std::string dir = std::filesystem::absolute(work).string();
    t = Clock::now();
    const int copyExit = Run(psql, {"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", copyDb,
        "-c", "\\copy doudi.household (id, region_code, address, housing, bank_account, registry_status, source, source_ref) FROM '" + dir + "/household.csv' CSV",
        "-c", "\\copy doudi.person (id, household_id, region_code, position, id_number, name, relation) FROM '" + dir + "/person.csv' CSV",
        "-c", "\\copy doudi.income_item (household_id, region_code, person_id, kind, monthly_fen) FROM '" + dir + "/income_item.csv' CSV"});
    const double copySeconds = Seconds(t);
    if (copyExit != 0) throw std::runtime_error("psql \\copy failed with exit " + std::to_string(copyExit));

    Sql(importDb, "VACUUM ANALYZE");
    const std::string persons = Sql(importDb, "SELECT count(*) FROM doudi.person");
    const std::string copied = Sql(copyDb, "SELECT count(*) FROM doudi.person");

    // Query values drawn from one county, the scope of the city user below,
    // in a fixed pseudo-random order.
    const std::string county = "331022";
    const std::string inCounty = " FROM doudi.person WHERE region_code BETWEEN '" + county + "000000' AND '" + county +
                                 "999999' ORDER BY md5(id::text) LIMIT " + std::to_string(samples);
    const auto ids = Column(importDb, "SELECT id_number" + inCounty);
    const auto names = Column(importDb, "SELECT name" + inCounty);
    const auto townships = Column(importDb, "SELECT DISTINCT substr(code, 1, 9) FROM doudi.region WHERE level = "
                                            "'township' AND code LIKE '" + county + "%'");

    // The same searches as a superuser (no row-level security, no scope)
    // and as a city decider whose scope is the county (the search function
    // applies it; the tables' policies are in force), side by side.
    doudi::dal::pg::PgDatabase superuser(importDb);
    const std::string password = "bench-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    doudi::dal::UserAccount city;
    city.roleName = "bench_city_" + std::to_string(households);
    city.group = doudi::model::StaffGroup::CityDecider;
    city.regionScope = county;
    Sql(admin, "DROP ROLE IF EXISTS " + city.roleName);
    superuser.Users().Add(city, password);
    doudi::dal::pg::PgDatabase scoped(importDb + " user=" + city.roleName + " password='" + password + "'");

    struct Kind {
      std::string name;
      std::function<doudi::dal::RegistryQuery(std::size_t)> query;
    };
    using doudi::dal::RegistryQuery;
    using doudi::model::RegistryStatus;
    auto name = [&](std::size_t i) -> const std::string& { return names[i % names.size()]; };
    const std::vector<Kind> kinds{
        {"exact ID", [&](std::size_t i) { return RegistryQuery{ids[i % ids.size()], "", {}}; }},
        {"ID prefix (14 digits)", [&](std::size_t i) { return RegistryQuery{ids[i % ids.size()].substr(0, 14), "", {}}; }},
        {"exact name", [&](std::size_t i) { return RegistryQuery{name(i), "", {}}; }},
        {"name prefix (surname + 1)", [&](std::size_t i) { return RegistryQuery{name(i).substr(0, 6), "", {}}; }},
        {"2-character fragment (given name)", [&](std::size_t i) {
           return RegistryQuery{name(i).size() >= 9 ? name(i).substr(3, 6) : name(i).substr(0, 6), "", {}}; }},
        {"1 character (surname)", [&](std::size_t i) { return RegistryQuery{name(i).substr(0, 3), "", {}}; }},
        {"region (township)", [&](std::size_t i) { return RegistryQuery{"", townships[i % townships.size()], {}}; }},
        {"registry status", [&](std::size_t i) {
           return RegistryQuery{"", "", i % 2 ? RegistryStatus::Dibao : RegistryStatus::Destitute}; }},
        {"combined: surname + township + status", [&](std::size_t i) {
           return RegistryQuery{name(i).substr(0, 3), townships[i % townships.size()], RegistryStatus::Dibao}; }},
        {"combined: 2-char fragment + county + status", [&](std::size_t i) {
           return RegistryQuery{name(i).size() >= 9 ? name(i).substr(3, 6) : name(i).substr(0, 6), county,
                                RegistryStatus::Dibao}; }},
    };
    auto measure = [&](doudi::dal::pg::PgDatabase& db, const Kind& kind, std::vector<double>& page,
                       std::vector<double>& estimate) {
      for (std::size_t i = 0; i < 20; ++i) db.Search().Search(kind.query(i), 0, 50);  // warm up
      for (int i = 0; i < samples; ++i) {
        const auto q = kind.query(static_cast<std::size_t>(i));
        auto s = Clock::now();
        db.Search().Search(q, 0, 50);
        page.push_back(Seconds(s) * 1000);
        s = Clock::now();
        db.Search().EstimateCount(q);
        estimate.push_back(Seconds(s) * 1000);
      }
    };
    std::cout << "| search (first page of 50) | no RLS p50 | no RLS p95 | city user p50 | city user p95 | "
                 "city max | estimate p95 | queries |\n"
              << "|---|---:|---:|---:|---:|---:|---:|---:|\n" << std::fixed << std::setprecision(2);
    for (const auto& kind : kinds) {
      std::vector<double> plain, plainEstimate, page, estimate;
      measure(superuser, kind, plain, plainEstimate);
      measure(scoped, kind, page, estimate);
      const auto p = Measure(plain), l = Measure(page);
      std::cout << "| " << kind.name << " | " << p.p50 << " | " << p.p95 << " | " << l.p50 << " | " << l.p95 << " | "
                << l.max << " | " << Measure(estimate).p95 << " | " << l.n << " |\n";
    }
    doudi::dal::pg::PgDatabase& db = superuser;
    const auto sealStart = Clock::now();
    const auto verdict = db.Audit().Verify();
    const double verifySeconds = Seconds(sealStart);
    std::cout << "\n| measure | value |\n|---|---:|\n"
              << "| persons / households | " << persons << " / " << households << " |\n"
              << "| generate in memory (s) | " << generate << " |\n"
              << "| `doudi-admin import households` (s) | " << importSeconds << " |\n"
              << "| `psql \\copy` of the same rows (s) | " << copySeconds << " (" << copied << " persons) |\n"
              << "| import / \\copy | " << importSeconds / copySeconds << " |\n"
              << "| database size | " << Sql(importDb, "SELECT pg_size_pretty(pg_database_size(current_database()))") << " |\n"
              << "| person heap / its indexes | " << Sql(importDb, "SELECT pg_size_pretty(pg_relation_size('doudi.person')) || ' / ' || pg_size_pretty(pg_indexes_size('doudi.person'))") << " |\n"
              << "| name-gram GIN index | " << Sql(importDb, "SELECT pg_size_pretty(pg_relation_size('doudi.person_name_grams_idx'))") << " |\n"
              << "| audit rows / size | " << verdict.auditRows << " / " << Sql(importDb, "SELECT pg_size_pretty(pg_total_relation_size('doudi.audit_row'))") << " |\n"
              << "| `audit verify` of the whole chain (s) | " << verifySeconds << (verdict.intact ? " (intact)" : " (BROKEN)") << " |\n";
    const auto count = Clock::now();
    const auto all = db.Search().CountExact({});
    std::cout << "| exact count of everyone (ms) | " << Seconds(count) * 1000 << " (" << all << ") |\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "doudi-bench-registry: " << e.what() << "\n";
    return 1;
  }
}
