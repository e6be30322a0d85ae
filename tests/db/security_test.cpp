// What the database lets each Doudi user do, checked with raw SQL as that
// user (never through the application's repositories): a clerk with psql
// and their own password must not get further than the workstation would
// let them (issue 3). The superuser only sets up the data.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "db_fixture.h"
#include "doudi/dal/errors.h"

using namespace doudi;
using test::Session;
using test::SqlOutcome;

namespace {

constexpr const char* kVillageA = "331022001201";       // 悬渚村, 海游街道, 三门县
constexpr const char* kVillageB = "331022001206";       // 上叶村, same township
constexpr const char* kOtherTownship = "331022002202";  // 沙柳村, 沙柳街道, same county
constexpr const char* kOtherCounty = "350582111201";    // 龙埔村, 晋江市
constexpr const char* kLiaisonDepartment = "medical_insurance";  // 医疗保障局 of the catalog
constexpr const char* kDenied = "42501";  // insufficient_privilege: permissions and RLS new-row checks alike

// Households by label: two in village A, one in village B, one in another
// township of the county and one in another county. B is referred to the
// liaison's department, T to another department.
struct HouseholdSpec {
  std::string label;
  std::string region;
};
const std::vector<HouseholdSpec> kHouseholds = {
    {"A1", kVillageA}, {"A2", kVillageA}, {"B", kVillageB}, {"T", kOtherTownship}, {"C", kOtherCounty}};

// Each user, the households whose rows they may read, and those whose rows
// they may change (empty for the read-only roles).
struct UserSpec {
  std::string name;
  std::string group;
  std::string scope;
  std::string department;
  std::vector<std::string> sees;
  std::vector<std::string> changes;
};
const std::vector<UserSpec> kUsers = {
    {"clerk_a", "village_clerk", kVillageA, "", {"A1", "A2"}, {"A1", "A2"}},
    {"clerk_b", "village_clerk", kVillageB, "", {"B"}, {"B"}},
    {"reviewer", "township_reviewer", "331022001", "", {"A1", "A2", "B"}, {"A1", "A2", "B"}},
    {"city", "city_decider", "331022", "", {"A1", "A2", "B", "T"}, {"A1", "A2", "B", "T"}},
    {"liaison", "department_liaison", "331022", kLiaisonDepartment, {"B"}, {}},
    {"finance", "finance_officer", "331022", "", {"A1", "A2", "B", "T"}, {}},
    {"admin", "center_admin", "331022", "", {"A1", "A2", "B", "T"}, {"A1", "A2", "B", "T"}},
    {"auditor", "auditor", "331022", "", {"A1", "A2", "B", "T"}, {}},
};

// The tables that hold a household's data and what the writing roles may do
// to each: since migration 17 the registry is written through functions
// only (a household or person is never deleted: closed, or left_on set),
// the status history is written only by the household's trigger (migration
// 5), and referrals only by doudi.referral_send.
struct TableSpec {
  std::string name;
  std::string touch;  // a column that UPDATE ... SET col = col leaves as it was
  bool insert, update, del;
  bool clerksInsert;
  bool liaisonReads;  // a liaison reads the referred household's rows (not its incomes and assets)
  std::string Key() const { return name == "household" ? "id" : "household_id"; }
};
const std::vector<TableSpec> kTables = {
    {"household", "address", false, false, false, false, true},
    {"person", "name", false, false, false, false, true},
    {"income_item", "note", false, false, false, false, false},
    {"asset", "description", false, false, false, false, false},
    {"registry_status_change", "reason", false, false, false, false, true},
    {"referral", "department", false, false, false, false, true},
};

const UserSpec& User(const std::string& name) {
  return *std::find_if(kUsers.begin(), kUsers.end(), [&](const UserSpec& u) { return u.name == name; });
}

bool Contains(const std::vector<std::string>& labels, const std::string& label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

std::string Join(const std::vector<std::string>& rows) {
  std::string out;
  for (const auto& r : rows) out += (out.empty() ? "" : ",") + r;
  return out;
}

std::string Masked(const std::string& id) {
  return id.substr(0, 6) + "********" + id.substr(14, 4);
}

// As the application escapes a search text for LIKE (pg_registry_search.cpp).
std::string EscapeLike(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Runs one statement in a transaction that is rolled back, so that every
// attempt starts from the same data.
SqlOutcome RolledBack(const Session& s, const std::string& sql, const test::SqlParams& params = {}) {
  s.Execute("BEGIN");
  SqlOutcome outcome = s.Try(sql, params);
  s.Execute("ROLLBACK");
  return outcome;
}

bool RefusedByPermission(const SqlOutcome& o) {
  return o.sqlState == kDenied && o.message.find("permission denied") != std::string::npos;
}
bool RefusedByPolicy(const SqlOutcome& o) {
  return o.sqlState == kDenied && o.message.find("row-level security policy") != std::string::npos;
}

const char* kSearchAll = "SELECT person_id FROM doudi.registry_search('none', '', '', '', '', '', '', 1000, 0)";

// The registry of kHouseholds (two members, an income, an asset and the
// status history each), the referrals, and one login role per kUsers entry.
struct Registry : test::MigratedDatabase {
  std::map<std::string, std::int64_t> household;  // label -> id
  std::map<std::string, std::string> role;        // user name -> login role
  std::map<std::string, Session> sessions;

  Registry() {
    int sequence = 100;
    for (const auto& h : kHouseholds) AddHousehold(h, sequence += 10);
    server.Execute(test::ReferralInsert(Id("B"), kVillageB, kLiaisonDepartment, "medical_aid"));
    server.Execute(test::ReferralInsert(Id("T"), kOtherTownship, "human_resources", "job"));
    for (const auto& u : kUsers) role[u.name] = server.CreateUser(u.name, u.group, u.scope, u.department);
  }

  std::string Id(const std::string& label) const { return std::to_string(household.at(label)); }

  // The open session of a user of kUsers.
  const Session& As(const std::string& user) {
    auto it = sessions.find(user);
    if (it == sessions.end()) it = sessions.emplace(user, server.AsUser(role.at(user))).first;
    return it->second;
  }

  // The ids of the rows of table that belong to the labelled households, as
  // the superuser sees them, in id order.
  std::string Ids(const TableSpec& table, const std::vector<std::string>& labels) const {
    std::string in = "0";  // no household has id 0: no labels match nothing
    for (const auto& l : labels) in += "," + Id(l);
    return Join(
        server.Rows("SELECT id FROM doudi." + table.name + " WHERE " + table.Key() + " IN (" + in + ") ORDER BY id"));
  }
  std::int64_t RowCount(const TableSpec& table, const std::vector<std::string>& labels) const {
    std::string in = "0";
    for (const auto& l : labels) in += "," + Id(l);
    return server.Count("SELECT count(*) FROM doudi." + table.name + " WHERE " + table.Key() + " IN (" + in + ")");
  }
  // The current members of the labelled households: "person_id" each.
  std::vector<std::string> Members(const std::vector<std::string>& labels, const std::string& columns = "id") const {
    std::string in = "0";
    for (const auto& l : labels) in += "," + Id(l);
    return server.Rows("SELECT " + columns + " FROM doudi.person WHERE left_on IS NULL AND household_id IN (" + in +
                       ") ORDER BY id");
  }
  std::int64_t UnmaskedViews() const { return server.Count("SELECT count(*) FROM doudi.unmasked_access"); }

 private:
  void AddHousehold(const HouseholdSpec& h, int sequence) {
    const std::string county = h.region.substr(0, 6);
    const std::string id = server.Scalar(
        "INSERT INTO doudi.household (region_code, address, phone, bank_name, bank_account, registry_status) "
        "VALUES ('" +
        h.region + "', '" + h.label + "组8号', '13800000" + std::to_string(sequence) +
        "', '农业银行', '6228480000000000" + std::to_string(sequence) + "', 'dibao') RETURNING id");
    household[h.label] = std::stoll(id);
    const std::string head = server.Scalar(
        "INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation) VALUES (" + id +
        ", '" + h.region + "', 0, '" + test::MakeId(county, "19700101", sequence + 1) + "', '王" + h.label +
        "', 'head') RETURNING id");
    server.Execute(
        "INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation) "
        "VALUES (" +
        id + ", '" + h.region + "', 1, '" + test::MakeId(county, "19720304", sequence + 2) + "', '李" + h.label +
        "', 'spouse');"
        "INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen) VALUES (" +
        id + ", '" + h.region + "', " + head +
        ", 'wage', 150000);"
        "INSERT INTO doudi.asset (household_id, region_code, kind, description, value_fen) VALUES (" +
        id + ", '" + h.region + "', 'vehicle', '拖拉机', 800000)");
  }
};

// An INSERT into table of a row belonging to household label (region
// region): every column a constraint asks for, bound.
std::pair<std::string, test::SqlParams> InsertInto(const TableSpec& table, const Registry& r, const std::string& label,
                                                   const std::string& region) {
  const std::string hid = r.Id(label);
  if (table.name == "household") {
    return {"INSERT INTO doudi.household (region_code, address) VALUES ($1, '新户')", {region}};
  }
  if (table.name == "person") {
    return {
        "INSERT INTO doudi.person (household_id, region_code, id_number, name, relation) "
        "VALUES ($1, $2, $3, '新成员', 'child')",
        {hid, region, test::MakeId(region.substr(0, 6), "20100101", 901)}};
  }
  if (table.name == "income_item") {
    return {"INSERT INTO doudi.income_item (household_id, region_code, kind, monthly_fen) VALUES ($1, $2, 'wage', 1)",
            {hid, region}};
  }
  if (table.name == "asset") {
    return {"INSERT INTO doudi.asset (household_id, region_code, kind, value_fen) VALUES ($1, $2, 'vehicle', 1)",
            {hid, region}};
  }
  if (table.name == "registry_status_change") {
    return {
        "INSERT INTO doudi.registry_status_change (household_id, region_code, status, since) "
        "VALUES ($1, $2, 'none', current_date)",
        {hid, region}};
  }
  return {"INSERT INTO doudi.referral (household_id, region_code, department) VALUES ($1, $2, 'civil_affairs')",
          {hid, region}};
}

}  // namespace

namespace {

// doudi.household_save creating a one-person household in region with the
// given ID number: the raw call a client with psql could make.
std::pair<std::string, test::SqlParams> CreateWithMember(const std::string& region, const std::string& idNumber) {
  return {"SELECT saved_household_id, saved_version, refusal FROM doudi.household_save(gen_random_uuid(), NULL, 0, "
          "$1, '新户', '', 'owned', '', '', 'none', '{0}', ARRAY[$2], '{新人}', '{head}', '{none}', '{0}', '{\"\"}', "
          "'{none}', '{none}', '{full}', '{}', '{}', '{}', '{}', '{}', '{}', '{}')",
          {region, idNumber}};
}

std::string MemberOf(const Registry& r, const std::string& label) {
  return r.server.Scalar("SELECT min(id_number) FROM doudi.person WHERE household_id = " + r.Id(label));
}

// Today's limit of questions about persons outside the caller's scope, for
// the county of the Registry's users.
void LimitCrossScopeChecks(const Registry& r, int perDay) {
  r.server.Execute("INSERT INTO doudi.security_limit (key, region_prefix, value, unit, effective_from) VALUES "
                   "('cross_scope_id_checks_per_day', '331022', " +
                   std::to_string(perDay) + ", 'count', current_date - 1)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security)

// 1. The role matrix: for every table, user and command, exactly the rows
// of the user's scope, and nothing a role's work does not need.
BOOST_FIXTURE_TEST_CASE(each_role_reads_exactly_its_rows, Registry) {
  for (const auto& t : kTables) {
    // The fixture itself must hold rows to see, or "sees nothing" proves nothing.
    BOOST_TEST_REQUIRE(!Ids(t, {"B"}).empty(), t.name);
    for (const auto& u : kUsers) {
      BOOST_TEST_CONTEXT(u.name << " SELECT " << t.name) {
        const std::string seen = Join(As(u.name).Rows("SELECT id FROM doudi." + t.name + " ORDER BY id"));
        const bool readsNone = u.group == "department_liaison" && !t.liaisonReads;
        BOOST_TEST(seen == (readsNone ? std::string() : Ids(t, u.sees)));
      }
    }
  }
}

BOOST_FIXTURE_TEST_CASE(each_role_writes_only_inside_its_scope, Registry) {
  for (const auto& t : kTables) {
    for (const auto& u : kUsers) {
      const Session& s = As(u.name);
      const bool writer = !u.changes.empty();
      const bool mayInsert = writer && t.insert && (t.clerksInsert || u.group != "village_clerk");
      for (const auto& h : kHouseholds) {
        BOOST_TEST_CONTEXT(u.name << " INSERT " << t.name << " of " << h.label) {
          const auto [sql, params] = InsertInto(t, *this, h.label, h.region);
          const SqlOutcome o = RolledBack(s, sql, params);
          if (!mayInsert) {
            BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
          } else if (Contains(u.changes, h.label)) {
            BOOST_TEST(o.Ok(), o.message);
            BOOST_TEST(o.rows == 1);
          } else {
            BOOST_TEST(RefusedByPolicy(o), o.sqlState << " " << o.message);
          }
        }
        BOOST_TEST_CONTEXT(u.name << " UPDATE " << t.name << " of " << h.label) {
          const SqlOutcome o = RolledBack(
              s, "UPDATE doudi." + t.name + " SET " + t.touch + " = " + t.touch + " WHERE " + t.Key() + " = $1",
              {Id(h.label)});
          if (!(writer && t.update)) {
            BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
          } else {
            BOOST_TEST(o.Ok(), o.message);
            BOOST_TEST(o.rows == (Contains(u.changes, h.label) ? RowCount(t, {h.label}) : 0));
          }
        }
        BOOST_TEST_CONTEXT(u.name << " DELETE " << t.name << " of " << h.label) {
          const SqlOutcome o =
              RolledBack(s, "DELETE FROM doudi." + t.name + " WHERE " + t.Key() + " = $1", {Id(h.label)});
          if (!(writer && t.del)) {
            BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
          } else {
            BOOST_TEST(o.Ok(), o.message);
            BOOST_TEST(o.rows == (Contains(u.changes, h.label) ? RowCount(t, {h.label}) : 0));
          }
        }
      }
      // Without a WHERE clause (and with a constant SET) the statement reads
      // no column, so the SELECT policy does not apply: this is the UPDATE
      // and DELETE policies' own work.
      BOOST_TEST_CONTEXT(u.name << " UPDATE every row of " << t.name) {
        const SqlOutcome o = RolledBack(s, "UPDATE doudi." + t.name + " SET " + t.touch + " = 'x'");
        if (!(writer && t.update)) {
          BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
        } else {
          BOOST_TEST(o.Ok(), o.message);
          BOOST_TEST(o.rows == RowCount(t, u.changes));
        }
      }
      BOOST_TEST_CONTEXT(u.name << " DELETE every row of " << t.name) {
        const SqlOutcome o = RolledBack(s, "DELETE FROM doudi." + t.name);
        if (!(writer && t.del)) {
          BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
        } else {
          BOOST_TEST(o.Ok(), o.message);
          BOOST_TEST(o.rows == RowCount(t, u.changes));
        }
      }
    }
  }
  // The in-scope counts above were not zero: the fixture has rows to change.
  BOOST_TEST(RowCount(kTables[2], {"A1"}) == 1);
}

BOOST_FIXTURE_TEST_CASE(a_row_cannot_be_moved_out_of_scope, Registry) {
  struct Move {
    std::string user, label, to;
  };
  for (const Move& m : std::vector<Move>{{"clerk_a", "A1", kVillageB},
                                         {"reviewer", "B", kOtherTownship},
                                         {"city", "T", kOtherCounty},
                                         {"admin", "A2", kOtherCounty}}) {
    BOOST_TEST_CONTEXT(m.user << " moves " << m.label << " to " << m.to) {
      const SqlOutcome o =
          RolledBack(As(m.user), "UPDATE doudi.household SET region_code = $1 WHERE id = $2", {m.to, Id(m.label)});
      BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
      const auto [sql, params] = CreateWithMember(m.to, test::MakeId(m.to.substr(0, 6), "19990101", 555));
      const SqlOutcome saved = RolledBack(As(m.user), sql, params);
      BOOST_TEST(saved.sqlState == kDenied, saved.sqlState << " " << saved.message);
    }
  }
  // Nor every row at once.
  for (const auto& u : kUsers) {
    if (u.changes.empty()) continue;
    BOOST_TEST_CONTEXT(u.name << " moves every household to " << kOtherCounty) {
      const SqlOutcome o = RolledBack(As(u.name), "UPDATE doudi.household SET region_code = $1", {kOtherCounty});
      BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
    }
  }
  // Within the scope a new household is saved: the refusals above are the scope's.
  const auto [sql, params] = CreateWithMember(kVillageB, test::MakeId("331022", "19990101", 556));
  const SqlOutcome inScope = RolledBack(As("reviewer"), sql, params);
  BOOST_TEST(inScope.Ok(), inScope.message);
}

// 2. Full resident IDs and bank accounts.
BOOST_FIXTURE_TEST_CASE(full_ids_and_accounts_are_readable_only_by_the_center_admin, Registry) {
  const std::regex maskedId("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$");
  for (const auto& u : kUsers) {
    const Session& s = As(u.name);
    const bool full = u.group == "center_admin";
    for (const std::string sql : {"SELECT id_number FROM doudi.person", "SELECT bank_account FROM doudi.household",
                                  "SELECT * FROM doudi.person", "SELECT * FROM doudi.household",
                                  "SELECT count(*) FROM doudi.person WHERE id_number LIKE '3310%'",
                                  "SELECT id FROM doudi.household ORDER BY bank_account"}) {
      BOOST_TEST_CONTEXT(u.name << ": " << sql) {
        const SqlOutcome o = s.Try(sql);
        if (full) {
          BOOST_TEST(o.Ok(), o.message);
        } else {
          BOOST_TEST(RefusedByPermission(o), o.sqlState << " " << o.message);
        }
      }
    }
    BOOST_TEST_CONTEXT(u.name << " reads the masked forms") {
      const auto rows = s.Rows("SELECT id, id_number_masked FROM doudi.person ORDER BY id");
      std::vector<std::string> expected;
      for (const auto& row : Members(u.sees, "id, id_number")) {
        const auto bar = row.find('|');
        expected.push_back(row.substr(0, bar) + "|" + Masked(row.substr(bar + 1)));
      }
      BOOST_TEST(rows == expected, boost::test_tools::per_element());
      for (const auto& row : rows) BOOST_TEST(std::regex_match(row.substr(row.find('|') + 1), maskedId), row);
      const auto accounts = s.Rows("SELECT bank_account_masked FROM doudi.household ORDER BY id");
      BOOST_TEST(accounts.size() == u.sees.size());
      for (const auto& a : accounts) BOOST_TEST(std::regex_match(a, std::regex("^\\*{4}[0-9]{4}$")), a);
    }
  }
  // The administrator's full values are the real ones.
  BOOST_TEST(Join(As("admin").Rows("SELECT id_number FROM doudi.person ORDER BY id")) ==
             Join(Members({"A1", "A2", "B", "T"}, "id_number")));
}

BOOST_FIXTURE_TEST_CASE(registry_search_gives_each_role_its_rows_masked, Registry) {
  const std::regex maskedId("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$");
  for (const auto& u : kUsers) {
    BOOST_TEST_CONTEXT(u.name) {
      const Session& s = As(u.name);
      const auto found = s.Rows(
          "SELECT person_id, id_number_masked FROM doudi.registry_search('none', '', '', '', '', '', '', 1000, 0) "
          "ORDER BY person_id");
      std::vector<std::string> ids;
      for (const auto& row : found) {
        const auto bar = row.find('|');
        ids.push_back(row.substr(0, bar));
        BOOST_TEST(std::regex_match(row.substr(bar + 1), maskedId), row);
      }
      BOOST_TEST(Join(ids) == Join(Members(u.sees)));
      BOOST_TEST(s.Count("SELECT doudi.registry_count(true, 'none', '', '', '', '', '', '')") ==
                 static_cast<std::int64_t>(ids.size()));
    }
  }
  // The browse functions of 0004, where present, apply the same scope.
  if (server.Scalar("SELECT to_regprocedure('doudi.registry_rows(bigint[])') IS NOT NULL") == "t") {
    const std::string everyone = "{" + Join(Members({"A1", "A2", "B", "T", "C"})) + "}";
    for (const auto& u : kUsers) {
      BOOST_TEST_CONTEXT(u.name << " registry_rows") {
        BOOST_TEST(Join(As(u.name).Rows("SELECT person_id FROM doudi.registry_rows($1::bigint[]) ORDER BY 1",
                                        {everyone})) == Join(Members(u.sees)));
        BOOST_TEST(Join(As(u.name).Rows("SELECT x FROM doudi.registry_search_ids('none', '', '', '', '', '', '') "
                                        "AS x ORDER BY 1")) == Join(Members(u.sees)));
      }
    }
  }
  // An exact ID outside the scope is not even confirmed to exist.
  const std::string outside =
      server.Scalar("SELECT id_number FROM doudi.person WHERE household_id = " + Id("C") + " ORDER BY id LIMIT 1");
  const std::string inside =
      server.Scalar("SELECT id_number FROM doudi.person WHERE household_id = " + Id("A1") + " ORDER BY id LIMIT 1");
  const std::string byId =
      "SELECT id_number_masked FROM doudi.registry_search('full_id', $1, '', '', '', '', '', 10, 0)";
  BOOST_TEST(As("clerk_a").Rows(byId, {outside}).empty());
  BOOST_TEST(As("clerk_a").Rows(byId, {inside}) == std::vector<std::string>{Masked(inside)},
             boost::test_tools::per_element());
  BOOST_TEST(As("liaison").Rows(byId, {inside}).empty());
}

BOOST_FIXTURE_TEST_CASE(household_member_ids_unmasks_only_in_scope_and_records_it, Registry) {
  enum class Sees { Full, Masked, Nothing };
  struct Case {
    std::string user, label;
    Sees sees;
  };
  const std::vector<Case> cases = {
      {"clerk_a", "A1", Sees::Full},    {"clerk_a", "B", Sees::Nothing}, {"clerk_a", "C", Sees::Nothing},
      {"clerk_b", "A1", Sees::Nothing}, {"reviewer", "B", Sees::Full},   {"reviewer", "T", Sees::Nothing},
      {"city", "T", Sees::Full},        {"admin", "T", Sees::Full},      {"admin", "C", Sees::Nothing},
      {"finance", "A1", Sees::Masked},  {"finance", "C", Sees::Nothing}, {"auditor", "A2", Sees::Masked},
      {"auditor", "C", Sees::Nothing},  {"liaison", "B", Sees::Masked},  {"liaison", "C", Sees::Nothing},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.user << " asks for the IDs of " << c.label) {
      const std::int64_t viewsBefore = UnmaskedViews();
      const auto rows = As(c.user).Rows(
          "SELECT person_id || '|' || id_number FROM doudi.household_member_ids($1) ORDER BY person_id", {Id(c.label)});
      std::vector<std::string> expected;
      if (c.sees != Sees::Nothing) {
        for (const auto& row : Members({c.label}, "id, id_number")) {
          const auto bar = row.find('|');
          expected.push_back(c.sees == Sees::Full ? row : row.substr(0, bar + 1) + Masked(row.substr(bar + 1)));
        }
      }
      BOOST_TEST(rows == expected, boost::test_tools::per_element());
      if (c.sees == Sees::Full) {
        BOOST_TEST(UnmaskedViews() == viewsBefore + 1);
        BOOST_TEST(server.Scalar("SELECT viewer || '|' || what || '|' || household_id FROM doudi.unmasked_access "
                                 "ORDER BY id DESC LIMIT 1") == role.at(c.user) + "|resident_id|" + Id(c.label));
      } else {
        BOOST_TEST(UnmaskedViews() == viewsBefore);
      }
    }
  }
  BOOST_TEST(UnmaskedViews() == 4);  // the four Full cases above
}

BOOST_FIXTURE_TEST_CASE(full_bank_accounts_only_for_finance_and_admin_in_scope, Registry) {
  for (const std::string user : {"clerk_a", "clerk_b", "reviewer", "city", "liaison", "auditor"}) {
    BOOST_TEST_CONTEXT(user) {
      const SqlOutcome o = As(user).Try("SELECT doudi.household_bank_account($1)", {Id("A1")});
      BOOST_TEST(o.sqlState == kDenied, o.message);
    }
  }
  const std::string sql = "SELECT coalesce(doudi.household_bank_account($1), '(none)')";
  const auto account = [&](const std::string& label) {
    return server.Scalar("SELECT bank_account FROM doudi.household WHERE id = " + Id(label));
  };
  BOOST_TEST(As("finance").Scalar(sql, {Id("A1")}) == account("A1"));
  BOOST_TEST(server.Scalar("SELECT viewer || '|' || what || '|' || household_id FROM doudi.unmasked_access") ==
             role.at("finance") + "|bank_account|" + Id("A1"));
  BOOST_TEST(As("admin").Scalar(sql, {Id("T")}) == account("T"));
  BOOST_TEST(As("finance").Scalar(sql, {Id("C")}) == "(none)");
  BOOST_TEST(As("admin").Scalar(sql, {Id("C")}) == "(none)");
  BOOST_TEST(UnmaskedViews() == 2);
}

// Who sees full bank accounts, by every way the database offers one:
// finance officers (they pay the benefits: paying into an account takes its
// whole number) and center administrators (they export the registry whole, which a
// re-import must find unchanged, and run the payments too), each within
// their scope; no other group by any way. README and docs/security.md say
// the same.
BOOST_FIXTURE_TEST_CASE(full_bank_accounts_are_for_finance_officers_and_center_administrators_only, Registry) {
  const std::string full = server.Scalar("SELECT bank_account FROM doudi.household WHERE id = " + Id("A1"));
  BOOST_TEST_REQUIRE(full.size() >= 10u);
  std::set<std::string> seeing;
  for (const auto& u : kUsers) {
    BOOST_TEST_CONTEXT(u.name) {
      const Session& s = As(u.name);
      const SqlOutcome column = RolledBack(s, "SELECT bank_account FROM doudi.household WHERE id = $1", {Id("A1")});
      const SqlOutcome function = RolledBack(s, "SELECT doudi.household_bank_account($1)", {Id("A1")});
      const bool byColumn =
          column.Ok() &&
          s.Scalar("SELECT coalesce((SELECT bank_account FROM doudi.household WHERE id = $1), '')", {Id("A1")}) == full;
      const bool byFunction =
          function.Ok() && s.Scalar("SELECT coalesce(doudi.household_bank_account($1), '')", {Id("A1")}) == full;
      if (!column.Ok()) BOOST_TEST(RefusedByPermission(column), column.message);
      if (!function.Ok()) BOOST_TEST(function.sqlState == kDenied, function.message);
      if (byColumn || byFunction) seeing.insert(u.group);
      // The administrator reads the column for the export; everyone else
      // who may see the account at all asks the function, which records it.
      BOOST_TEST(byColumn == (u.group == "center_admin"));
    }
  }
  BOOST_TEST(Join(std::vector<std::string>(seeing.begin(), seeing.end())) == "center_admin,finance_officer");
  // No group role holds the column but the administrators'.
  BOOST_TEST(Join(server.Rows("SELECT r.rolname::text FROM pg_roles AS r WHERE r.rolname IN ('doudi_user', "
                              "'doudi_village_clerk', 'doudi_township_reviewer', 'doudi_city_decider', "
                              "'doudi_department_liaison', 'doudi_finance_officer', 'doudi_center_admin', "
                              "'doudi_auditor') AND has_column_privilege(r.oid, 'doudi.household', 'bank_account', "
                              "'SELECT') ORDER BY 1")) == "doudi_center_admin");
}

BOOST_FIXTURE_TEST_CASE(the_record_of_viewings_cannot_be_read_forged_or_erased_by_desk_roles, Registry) {
  As("finance").Scalar("SELECT doudi.household_bank_account($1)", {Id("A1")});
  for (const auto& u : kUsers) {
    BOOST_TEST_CONTEXT(u.name) {
      const Session& s = As(u.name);
      const bool reads = u.group == "center_admin" || u.group == "auditor";
      const SqlOutcome read = s.Try("SELECT count(*) FROM doudi.unmasked_access");
      if (reads) {
        BOOST_TEST(read.Ok(), read.message);
        BOOST_TEST(s.Count("SELECT count(*) FROM doudi.unmasked_access") == 1);
      } else {
        BOOST_TEST(RefusedByPermission(read), read.message);
      }
      BOOST_TEST(RefusedByPermission(RolledBack(
          s, "INSERT INTO doudi.unmasked_access (viewer, what, household_id) VALUES ('someone', 'resident_id', 1)")));
      BOOST_TEST(RefusedByPermission(RolledBack(s, "DELETE FROM doudi.unmasked_access")));
      BOOST_TEST(RefusedByPermission(RolledBack(s, "UPDATE doudi.unmasked_access SET viewer = 'someone'")));
    }
  }
  BOOST_TEST(UnmaskedViews() == 1);
}

// 3. Nothing a user can set or call from psql widens what they see.
BOOST_FIXTURE_TEST_CASE(widening_attempts_change_nothing_or_fail, Registry) {
  const std::string visible = "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM doudi.household";
  for (const std::string user : {"clerk_a", "liaison", "finance", "auditor", "admin"}) {
    const UserSpec& u = User(user);
    const std::string self = role.at(user);
    const std::string baseline = As(user).Scalar(visible);
    std::vector<std::string> expected;
    for (const auto& l : u.sees) expected.push_back(Id(l));
    BOOST_TEST_REQUIRE(baseline == Join(expected), user);
    const std::string ownGroup = "doudi_" + u.group;

    const auto fresh = [&] { return server.AsUser(self); };
    BOOST_TEST_CONTEXT(user << ": SET ROLE to its own group") {
      const Session s = fresh();
      BOOST_TEST(s.TryExecute("SET ROLE " + ownGroup) == "");
      BOOST_TEST(s.Scalar("SELECT current_user") == ownGroup);
      BOOST_TEST(s.Scalar(visible) == baseline);
      BOOST_TEST(s.Count("SELECT count(*) FROM (" + std::string(kSearchAll) + ") AS x") ==
                 static_cast<std::int64_t>(Members(u.sees).size()));
    }
    BOOST_TEST_CONTEXT(user << ": SET ROLE doudi_user") {
      const Session s = fresh();
      BOOST_TEST(s.TryExecute("SET ROLE doudi_user") == "");
      BOOST_TEST(s.Scalar(visible) == "");  // no policy admits the bare base role
    }
    for (const std::string target :
         {"doudi_center_admin", "doudi_owner", "doudi_scope_reader", "doudi_user_manager", "doudi_audit_reader",
          "doudi_city_decider", "postgres", "pg_read_all_data", "pg_write_server_files"}) {
      if (target == ownGroup) continue;
      BOOST_TEST_CONTEXT(user << ": SET ROLE " << target) {
        BOOST_TEST(fresh().TryExecute("SET ROLE " + target) == kDenied);
        BOOST_TEST(fresh().TryExecute("SET SESSION AUTHORIZATION " + target) == kDenied);
      }
    }
    BOOST_TEST_CONTEXT(user << ": SET row_security = off") {
      const Session s = fresh();
      BOOST_TEST(s.TryExecute("SET row_security = off") == "");
      const SqlOutcome o = s.Try(visible);
      BOOST_TEST(o.sqlState == kDenied, o.message);
      BOOST_TEST(o.message.find("row-level security") != std::string::npos, o.message);
    }
    for (const std::string setting :
         {"SET doudi.scope = '35'", "SET doudi.region_scope = '33'", "SET doudi.scope_low = '000000000000'",
          "SET doudi.department = '医疗保障局'", "SET doudi.group_role = 'center_admin'",
          "SET app.login_role = 'postgres'", "SET doudi.status_reason = ''' OR true --'",
          "SET search_path = pg_temp, doudi, public"}) {
      BOOST_TEST_CONTEXT(user << ": " << setting) {
        const Session s = fresh();
        BOOST_TEST(s.TryExecute(setting) == "");
        BOOST_TEST(s.Scalar(visible) == baseline);
        BOOST_TEST(s.Count("SELECT count(*) FROM (" + std::string(kSearchAll) + ") AS x") ==
                   static_cast<std::int64_t>(Members(u.sees).size()));
      }
    }
    BOOST_TEST_CONTEXT(user << ": shadowing the scope functions in pg_temp") {
      const Session s = fresh();
      for (const std::string f : {"session_scope", "scope_low", "session_group", "session_department"}) {
        BOOST_TEST(s.TryExecute("CREATE FUNCTION pg_temp." + f + "() RETURNS text LANGUAGE sql AS $$ SELECT '" +
                                (f == "scope_low"       ? "000000000000"
                                 : f == "session_group" ? "center_admin"
                                                        : "33") +
                                "' $$") == "");
      }
      BOOST_TEST(s.TryExecute("SET search_path = pg_temp, doudi, pg_catalog") == "");
      BOOST_TEST(s.Scalar(visible) == baseline);
      BOOST_TEST(s.Count("SELECT count(*) FROM (" + std::string(kSearchAll) + ") AS x") ==
                 static_cast<std::int64_t>(Members(u.sees).size()));
    }
    const std::vector<std::string> refused = {
        // The scope table.
        "UPDATE doudi.app_user SET region_scope = '33' WHERE role_name = session_user",
        "UPDATE doudi.app_user SET group_role = 'center_admin', disabled = false",
        "INSERT INTO doudi.app_user (role_name, display_name, group_role, region_scope) VALUES ('" +
            server.RoleName("ghost") + "', 'x', 'center_admin', '33')",
        "DELETE FROM doudi.app_user",
        "TRUNCATE doudi.app_user",
        // Functions that are not theirs to call.
        "SELECT doudi.user_set_scope('" + self + "', '33')",
        "SELECT doudi.user_add('" + server.RoleName("sock") + "', 'x', 'center_admin', '33', '', 'SCRAM-SHA-256$x')",
        // Roles and attributes.
        "GRANT doudi_owner TO " + self,
        "GRANT doudi_center_admin TO " + self,
        "GRANT doudi_scope_reader TO " + self,
        "GRANT doudi_user_manager TO " + self,
        "GRANT " + ownGroup + " TO " + role.at(user == "clerk_a" ? "liaison" : "clerk_a"),
        "ALTER ROLE " + self + " SUPERUSER",
        "ALTER ROLE " + self + " BYPASSRLS",
        "ALTER ROLE " + self + " CREATEROLE",
        "CREATE ROLE " + server.RoleName("sock_puppet"),
        // The tables and their policies.
        "TRUNCATE doudi.person",
        "TRUNCATE doudi.household CASCADE",
        "DROP TABLE doudi.person",
        "ALTER TABLE doudi.person DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE doudi.household NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY in_scope_read ON doudi.household",
        "CREATE POLICY everything ON doudi.household FOR SELECT USING (true)",
        "ALTER TABLE doudi.person OWNER TO " + self,
        // New objects where the policies or the definer functions would find them.
        "CREATE FUNCTION doudi.session_scope_x() RETURNS text LANGUAGE sql AS $$ SELECT '33' $$",
        "CREATE OR REPLACE FUNCTION doudi.session_scope() RETURNS text LANGUAGE sql AS $$ SELECT '33' $$",
        "ALTER FUNCTION doudi.scope_low() OWNER TO " + self,
        "CREATE TABLE doudi.x (a int)",
        "CREATE TABLE public.x (a int)",
        "CREATE SCHEMA " + server.RoleName("schema"),
        // The server's files.
        "COPY (SELECT 1) TO '/tmp/doudi-security-test'",
        "SELECT pg_read_file('/etc/hostname')",
    };
    for (const auto& sql : refused) {
      BOOST_TEST_CONTEXT(user << ": " << sql) {
        const Session s = fresh();
        const SqlOutcome o = s.Try(sql);
        BOOST_TEST(o.sqlState == kDenied, o.sqlState << " " << o.message);
        BOOST_TEST(s.Scalar(visible) == baseline);
      }
    }
    // Desk roles other than the administrator may not manage users at all.
    if (u.group != "center_admin") {
      for (const std::string sql :
           {"SELECT doudi.user_set_enabled($1, true)", "SELECT doudi.user_reset_password($1, 'SCRAM-SHA-256$x')",
            "SELECT doudi.user_set_role($1, 'center_admin', '', NULL)"}) {
        BOOST_TEST_CONTEXT(user << ": " << sql) {
          BOOST_TEST(fresh().TryExecute(sql, {self}) == kDenied);
        }
      }
    }
  }
  // Nothing above changed the scope table or the roles.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.app_user") == static_cast<std::int64_t>(kUsers.size()));
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolname LIKE '" + server.RolePrefix() + "%'") ==
             static_cast<std::int64_t>(kUsers.size()));
  BOOST_TEST(server.Scalar("SELECT region_scope FROM doudi.app_user WHERE role_name = '" + role.at("clerk_a") + "'") ==
             kVillageA);
  BOOST_TEST(server.Scalar("SELECT relforcerowsecurity FROM pg_class WHERE oid = 'doudi.household'::regclass") == "t");
}

// 4. User management by a center administrator, within its own scope.
BOOST_FIXTURE_TEST_CASE(a_center_admin_manages_users_only_within_its_scope, Registry) {
  const Session& admin = As("admin");
  const std::string add = "SELECT doudi.user_add($1, $2, $3, $4, $5, $6)";
  const std::string clerk = server.RoleName("new_clerk");
  const std::string password = "Erste-Passwort-7";
  const auto households = [&](const Session& s) {
    return s.Scalar("SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM doudi.household");
  };
  const auto groupsOf = [&](const std::string& r) {
    return server.Scalar(
        "SELECT coalesce(string_agg(m.roleid::regrole::text, ',' ORDER BY 1), '') "
        "FROM pg_auth_members AS m WHERE m.member = '" +
        r + "'::regrole");
  };
  const auto loginRefusal = [&](const std::string& r, const std::string& pw) -> std::string {
    try {
      server.AsUser(r, pw);
      return "";
    } catch (const std::runtime_error& e) {
      return e.what();
    }
  };

  // Adding a clerk in its county; the clerk can log in and sees village A.
  admin.Execute(add, {clerk, "新村干部", "village_clerk", kVillageA, "", admin.ScramVerifier(clerk, password)});
  BOOST_TEST(households(server.AsUser(clerk, password)) == Id("A1") + "," + Id("A2"));
  BOOST_TEST(groupsOf(clerk) == "doudi_village_clerk");
  BOOST_TEST(server.Scalar("SELECT created_by FROM doudi.app_user WHERE role_name = '" + clerk + "'") ==
             role.at("admin"));

  // Scopes outside its own are refused, and no role is left behind.
  for (const std::string scope : {"35", "33", "3310", kOtherCounty, "331023"}) {
    BOOST_TEST_CONTEXT("scope " << scope) {
      const std::string r = server.RoleName("wide_" + scope);
      BOOST_TEST(admin.TryExecute(add, {r, "x", "city_decider", scope, "", admin.ScramVerifier(r, password)}) ==
                 kDenied);
      BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolname = '" + r + "'") == 0);
    }
  }
  // A group that is not one of the seven is refused by the table's check.
  const std::string owner = server.RoleName("owner_like");
  BOOST_TEST(admin.TryExecute(add, {owner, "x", "owner", kVillageA, "", admin.ScramVerifier(owner, password)}) ==
             "23514");
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolname = '" + owner + "'") == 0);

  // A user outside its scope is out of reach, and stays as it was.
  const std::string far = server.CreateUser("far_clerk", "village_clerk", kOtherCounty);
  for (const auto& [sql, params] : std::vector<std::pair<std::string, test::SqlParams>>{
           {"SELECT doudi.user_set_enabled($1, false)", {far}},
           {"SELECT doudi.user_set_scope($1, $2)", {far, kVillageA}},
           {"SELECT doudi.user_set_role($1, 'auditor', '', NULL)", {far}},
           {"SELECT doudi.user_reset_password($1, $2)", {far, admin.ScramVerifier(far, "taken-over")}},
           {"SELECT doudi.user_set_scope($1, $2)", {clerk, kOtherCounty}}}) {
    BOOST_TEST_CONTEXT(sql << " " << params[0]) {
      BOOST_TEST(admin.TryExecute(sql, params) == kDenied);
    }
  }
  BOOST_TEST(loginRefusal(far, test::TestDatabase::kPassword) == "");
  BOOST_TEST(groupsOf(far) == "doudi_village_clerk");
  BOOST_TEST(server.Scalar("SELECT region_scope || '|' || disabled FROM doudi.app_user WHERE role_name = '" + far +
                           "'") == std::string(kOtherCounty) + "|false");
  BOOST_TEST(server.Scalar("SELECT region_scope FROM doudi.app_user WHERE role_name = '" + clerk + "'") == kVillageA);
  // It does not even see the far user, and cannot touch roles that are not Doudi users.
  const auto listed = admin.Rows("SELECT role_name FROM doudi.app_user ORDER BY 1");
  BOOST_TEST((std::find(listed.begin(), listed.end(), far) == listed.end()));
  BOOST_TEST((std::find(listed.begin(), listed.end(), clerk) != listed.end()));
  BOOST_TEST(admin.TryExecute("SELECT doudi.user_set_enabled('postgres', false)") == "42704");
  BOOST_TEST(admin.TryExecute("SELECT doudi.user_set_enabled('doudi_owner', true)") == "42704");
  BOOST_TEST(server.Scalar("SELECT rolcanlogin::text || rolsuper::text FROM pg_roles WHERE rolname = 'postgres'") ==
             "truetrue");

  // Disable: no new login, and an open session sees nothing any more.
  const Session before = server.AsUser(clerk, password);
  admin.Execute("SELECT doudi.user_set_enabled($1, false)", {clerk});
  BOOST_TEST(loginRefusal(clerk, password).find("not permitted to log in") != std::string::npos,
             loginRefusal(clerk, password));
  BOOST_TEST(households(before) == "");
  admin.Execute("SELECT doudi.user_set_enabled($1, true)", {clerk});
  BOOST_TEST(loginRefusal(clerk, password) == "");
  BOOST_TEST(households(before) == Id("A1") + "," + Id("A2"));

  // Set-scope moves what the user sees.
  admin.Execute("SELECT doudi.user_set_scope($1, $2)", {clerk, kVillageB});
  BOOST_TEST(households(server.AsUser(clerk, password)) == Id("B"));

  // Set-role revokes the old group: an auditor reads but writes nothing.
  admin.Execute("SELECT doudi.user_set_role($1, 'auditor', '', NULL)", {clerk});
  BOOST_TEST(groupsOf(clerk) == "doudi_auditor");
  {
    const Session s = server.AsUser(clerk, password);
    BOOST_TEST(households(s) == Id("B"));
    BOOST_TEST(RefusedByPermission(RolledBack(s, "UPDATE doudi.household SET address = address")));
  }

  // Reset-password: the old password stops working, the new one works.
  const std::string second = "Zweites-Passwort-8";
  admin.Execute("SELECT doudi.user_reset_password($1, $2)", {clerk, admin.ScramVerifier(clerk, second)});
  BOOST_TEST(loginRefusal(clerk, password).find("password authentication failed") != std::string::npos,
             loginRefusal(clerk, password));
  BOOST_TEST(loginRefusal(clerk, second) == "");

  // A plain password (or an MD5 hash) never reaches the catalogue.
  const std::string plain = server.RoleName("plain_user");
  BOOST_TEST(admin.TryExecute(add, {plain, "x", "village_clerk", kVillageA, "", "Klartext-Passwort-9"}) == "28P01");
  BOOST_TEST(admin.TryExecute(add, {plain, "x", "village_clerk", kVillageA, "", "md5" + std::string(32, 'a')}) ==
             "28P01");
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolname = '" + plain + "'") == 0);
  BOOST_TEST(admin.TryExecute("SELECT doudi.user_reset_password($1, 'Klartext-Passwort-9')", {clerk}) == "28P01");
  BOOST_TEST(loginRefusal(clerk, second) == "");

  // Reserved and malformed names.
  for (const std::string& name :
       {"doudi_" + server.RolePrefix() + "x", "pg_" + server.RolePrefix() + "x", std::string("postgres"),
        server.RolePrefix() + "Upper", std::string("x"), server.RolePrefix() + "x'; DROP TABLE doudi.person; --",
        server.RolePrefix() + "x\" SUPERUSER --"}) {
    BOOST_TEST_CONTEXT("name " << name) {
      BOOST_TEST(admin.TryExecute(
                     add, {name, "x", "village_clerk", kVillageA, "", admin.ScramVerifier(name, password)}) == "42602");
    }
  }
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolname LIKE '%" + server.RolePrefix() + "x%'") == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolsuper") == 1);

  // And no way around the functions: no CREATEROLE, no admin option on the groups.
  BOOST_TEST(admin.TryExecute("CREATE ROLE " + server.RoleName("direct")) == kDenied);
  BOOST_TEST(admin.TryExecute("CREATE ROLE " + server.RoleName("direct_login") + " LOGIN PASSWORD 'x'") == kDenied);
  BOOST_TEST(admin.TryExecute("ALTER ROLE " + clerk + " NOLOGIN") == kDenied);
  BOOST_TEST(admin.TryExecute("GRANT doudi_center_admin TO " + clerk) == kDenied);
  BOOST_TEST(admin.TryExecute("REVOKE doudi_auditor FROM " + clerk) == kDenied);
  BOOST_TEST(admin.TryExecute("DROP ROLE " + clerk) == kDenied);
  BOOST_TEST(groupsOf(clerk) == "doudi_auditor");
}

BOOST_FIXTURE_TEST_CASE(roles_and_objects_hold_no_more_than_they_need, Registry) {
  server.CreateUser("spare_admin", "center_admin", "33");
  // No login or group role is a superuser, bypasses RLS or creates roles or databases.
  std::string groups = "'doudi_user'";
  for (const std::string g : {"village_clerk", "township_reviewer", "city_decider", "department_liaison",
                              "finance_officer", "center_admin", "auditor"}) {
    groups += ", 'doudi_" + g + "'";
  }
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolname IN (" + groups + ")") == 8);
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_roles WHERE rolname LIKE '" + server.RolePrefix() + "%'") ==
             static_cast<std::int64_t>(kUsers.size() + 1));
  BOOST_TEST(Join(server.Rows("SELECT rolname FROM pg_roles WHERE (rolname IN (" + groups + ") OR rolname LIKE '" +
                              server.RolePrefix() +
                              "%') AND (rolsuper OR rolbypassrls OR rolcreaterole OR "
                              "rolcreatedb OR rolreplication) ORDER BY 1")) == "");
  // The owning roles log in as nobody and nobody is a member of them.
  BOOST_TEST(Join(server.Rows("SELECT rolname || ':' || rolcanlogin || rolsuper FROM pg_roles WHERE rolname IN "
                              "('doudi_owner', 'doudi_user_manager', 'doudi_scope_reader', 'doudi_audit_reader') "
                              "ORDER BY 1")) ==
             "doudi_audit_reader:falsefalse,doudi_owner:falsefalse,doudi_scope_reader:falsefalse,"
             "doudi_user_manager:falsefalse");
  BOOST_TEST(Join(server.Rows("SELECT m.member::regrole::text FROM pg_auth_members AS m WHERE m.roleid IN "
                              "('doudi_owner'::regrole, 'doudi_user_manager'::regrole, "
                              "'doudi_scope_reader'::regrole, 'doudi_audit_reader'::regrole)")) == "");
  // Each user is a member of exactly its one group, the groups only of doudi_user.
  for (const auto& u : kUsers) {
    BOOST_TEST(Join(server.Rows("SELECT roleid::regrole::text FROM pg_auth_members WHERE member = '" + role.at(u.name) +
                                "'::regrole")) == "doudi_" + u.group);
  }
  BOOST_TEST(Join(server.Rows("SELECT DISTINCT roleid::regrole::text FROM pg_auth_members WHERE member IN (SELECT oid "
                              "FROM pg_roles WHERE rolname IN (" +
                              groups + "))")) == "doudi_user");

  // Every table, view and sequence of the schema belongs to doudi_owner.
  BOOST_TEST(server.Scalar("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'doudi'") ==
             "doudi_owner");
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_class WHERE relnamespace = 'doudi'::regnamespace") > 20);
  BOOST_TEST(Join(server.Rows("SELECT relname FROM pg_class WHERE relnamespace = 'doudi'::regnamespace AND relkind "
                              "IN ('r', 'p', 'v', 'm', 'S', 'f') AND relowner <> 'doudi_owner'::regrole ORDER BY 1")) ==
             "");
  // Functions too, but for those that deliberately run as another role:
  // the user-management functions as the holder of CREATEROLE (and nothing
  // else), the scope-applying readers as the holder of BYPASSRLS, the
  // watchdog as the holder of pg_signal_backend (migration 17), the
  // audit's comparison of tables and trail as the other (migration 19), and
  // the daily screening's scheduling as the role its pg_cron job runs as.
  BOOST_TEST(Join(server.Rows("SELECT DISTINCT proowner::regrole::text FROM pg_proc WHERE pronamespace = "
                              "'doudi'::regnamespace ORDER BY 1")) ==
             "doudi_audit_reader,doudi_owner,doudi_scheduler,doudi_scope_reader,doudi_user_manager,doudi_watchdog");
  BOOST_TEST(Join(server.Rows("SELECT proname FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND proowner = "
                              "'doudi_scheduler'::regrole ORDER BY 1")) ==
             "screening_schedule,screening_schedule_job,screening_schedule_runs");
  BOOST_TEST(Join(server.Rows("SELECT proname FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND proowner = "
                              "'doudi_audit_reader'::regrole ORDER BY 1")) == "audit_reconcile");
  BOOST_TEST(Join(server.Rows("SELECT proname FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND proowner = "
                              "'doudi_user_manager'::regrole ORDER BY 1")) ==
             "intake_login_add,user_add,user_reset_password,user_set_enabled,user_set_role,user_set_scope");
  const auto readers = server.Rows(
      "SELECT proname FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND "
      "proowner = 'doudi_scope_reader'::regrole ORDER BY 1");
  for (const std::string f : {"household_bank_account", "household_member_ids", "registry_count", "registry_search"}) {
    BOOST_TEST((std::find(readers.begin(), readers.end(), f) != readers.end()), f);
  }
  BOOST_TEST(
      Join(server.Rows("SELECT proname FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND proowner IN "
                       "('doudi_scope_reader'::regrole, 'doudi_user_manager'::regrole, 'doudi_audit_reader'::regrole, "
                       "'doudi_scheduler'::regrole) "
                       "AND NOT prosecdef")) == "");
  // SECURITY DEFINER functions pin search_path and are not PUBLIC's to call.
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND prosecdef") >=
             12);
  BOOST_TEST(Join(server.Rows("SELECT proname FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND prosecdef "
                              "AND NOT coalesce(proconfig, '{}') @> ARRAY['search_path=pg_catalog, pg_temp'] "
                              "ORDER BY 1")) == "");
  BOOST_TEST(
      Join(server.Rows("SELECT proname FROM pg_proc WHERE pronamespace = 'doudi'::regnamespace AND prosecdef "
                       "AND (proacl IS NULL OR EXISTS (SELECT FROM aclexplode(proacl) AS a WHERE a.grantee = 0)) "
                       "ORDER BY 1")) == "");

  // Row-level security is enabled and forced on every table of 0002 with
  // personal or case data (known_holes/audit_rows_show_full_ids_and_other_
  // counties extends this to every table that keys rows by household).
  BOOST_TEST(Join(server.Rows("SELECT c.relname || ':' || c.relrowsecurity || c.relforcerowsecurity FROM pg_class "
                              "AS c WHERE c.relnamespace = 'doudi'::regnamespace AND c.relname IN ('household', "
                              "'person', 'income_item', 'asset', 'registry_status_change', 'referral', 'app_user', "
                              "'unmasked_access') ORDER BY 1")) ==
             "app_user:truetrue,asset:truetrue,household:truetrue,income_item:truetrue,person:truetrue,"
             "referral:truetrue,registry_status_change:truetrue,unmasked_access:truetrue");
}

// 5. Search texts are data, whatever they hold.
BOOST_FIXTURE_TEST_CASE(search_texts_are_data, Registry) {
  // One member whose name holds every LIKE special and a quote: the search
  // must find it by those characters, literally, and nothing else.
  const std::string planted = "包'%_\\晓";
  server.Execute("INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation) VALUES (" +
                 Id("A1") + ", '" + kVillageA + "', 2, '" + test::MakeId("331022", "20050505", 777) + "', '" +
                 "包''%_\\晓', 'child')");
  BOOST_TEST_REQUIRE(server.Count("SELECT count(*) FROM doudi.person WHERE name = E'包\\'%_\\\\晓'") == 1);
  const std::int64_t persons = server.Count("SELECT count(*) FROM doudi.person");
  const std::int64_t households = server.Count("SELECT count(*) FROM doudi.household");
  const std::string plantedId = server.Scalar("SELECT id FROM doudi.person WHERE name = E'包\\'%_\\\\晓'");

  const std::vector<std::string> texts = {"'",
                                          "''",
                                          "'; DROP TABLE doudi.person; --",
                                          "' OR '1'='1",
                                          "%",
                                          "_",
                                          "\\",
                                          "\\'",
                                          "%' OR 1=1 --",
                                          "_%",
                                          "%_",
                                          "$1",
                                          "\"; DELETE FROM doudi.household; --",
                                          "1; SELECT pg_sleep(5)",
                                          "SELECT * FROM doudi.app_user",
                                          "王%",
                                          "' UNION SELECT id_number, id_number FROM doudi.person --",
                                          "'); TRUNCATE doudi.person; --",
                                          "E'\\x27'",
                                          "$$; DROP SCHEMA doudi CASCADE; $$",
                                          "\\\\",
                                          "%%",
                                          "__",
                                          "'%_\\",
                                          "33%",
                                          "3310_2"};
  const std::string search =
      "SELECT person_id FROM doudi.registry_search($1, $2, $3, $4, $5, $6, $7, 1000, 0) ORDER BY person_id";
  const std::string count = "SELECT doudi.registry_count(true, $1, $2, $3, $4, $5, $6, $7)";
  for (const std::string user : {"clerk_a", "city"}) {
    const Session& s = As(user);
    for (const auto& text : texts) {
      for (const std::string kind : {"name", "full_id", "id_prefix", "surname"}) {
        BOOST_TEST_CONTEXT(user << " " << kind << " [" << text << "]") {
          const test::SqlParams params = {kind, text, "%" + EscapeLike(text) + "%", text + "\xF4\x8F\xBF\xBF", "",
                                          "",   ""};
          const bool matchesPlanted = (kind == "name" && planted.find(text) != std::string::npos) ||
                                      (kind == "surname" && planted.rfind(text, 0) == 0);
          const SqlOutcome o = s.Try(search, params);
          // Longer than a name can be: refused, whatever it holds (issue 12, finding 9).
          if (text.size() > 50) {
            BOOST_TEST(o.sqlState == "22001", o.message);
            continue;
          }
          BOOST_TEST(o.Ok(), o.message);
          BOOST_TEST(Join(s.Rows(search, params)) == (matchesPlanted ? plantedId : ""));
          BOOST_TEST(s.Count(count, params) == (matchesPlanted ? 1 : 0));
        }
      }
      BOOST_TEST_CONTEXT(user << " region and status [" << text << "]") {
        const std::string region = std::string(kVillageA) + text;
        BOOST_TEST(s.Rows(search, {"none", "", "", "", region, region, ""}).empty());
        BOOST_TEST(s.Rows(search, {"none", "", "", "", "", "", "dibao" + text}).empty());
      }
    }
    // The planted name is found by its quote and by its LIKE specials, as data.
    BOOST_TEST(Join(s.Rows(search, {"name", "'%_\\", "%" + EscapeLike("'%_\\") + "%", "", "", "", ""})) == plantedId);
    // An unknown kind is an error, not a statement.
    for (const std::string kind : {"nonsense", "NAME", "name; DROP TABLE doudi.person", "' OR true --", ""}) {
      BOOST_TEST_CONTEXT(user << " kind [" << kind << "]") {
        BOOST_TEST(s.TryExecute(search, {kind, "王", "%王%", "", "", "", ""}) == "22023");
        BOOST_TEST(s.TryExecute(count, {kind, "王", "%王%", "", "", "", ""}) == "22023");
      }
    }
  }
  // Everything is still there.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.person") == persons);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household") == households);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.app_user") == static_cast<std::int64_t>(kUsers.size()));
  BOOST_TEST(server.Scalar("SELECT to_regclass('doudi.person') IS NOT NULL AND to_regclass('doudi.household') IS NOT "
                           "NULL AND to_regnamespace('doudi') IS NOT NULL") == "t");
}

BOOST_FIXTURE_TEST_CASE(every_routine_a_desk_group_may_call_is_reviewed, Registry) {
  // A SECURITY DEFINER function runs as its owner: without a pinned
  // search_path a caller's own objects in pg_temp could stand in for ours.
  BOOST_TEST(Join(server.Rows("SELECT p.oid::regprocedure::text FROM pg_proc AS p WHERE p.pronamespace = "
                              "'doudi'::regnamespace AND p.prosecdef AND NOT coalesce(p.proconfig, '{}') @> "
                              "ARRAY['search_path=pg_catalog, pg_temp'] ORDER BY 1")) == "");
  // Every routine a desk group may call is in the review, docs/security.md
  // (what it may reveal, who may run it, the test that proves it).
  std::ifstream file(DOUDI_SECURITY_REVIEW);
  BOOST_TEST_REQUIRE(file.good(), DOUDI_SECURITY_REVIEW);
  std::stringstream review;
  review << file.rdbuf();
  const auto callable = server.Rows(
      "SELECT DISTINCT p.proname::text FROM pg_proc AS p, unnest(ARRAY['doudi_user', 'doudi_village_clerk', "
      "'doudi_township_reviewer', 'doudi_city_decider', 'doudi_department_liaison', 'doudi_finance_officer', "
      "'doudi_center_admin', 'doudi_auditor']) AS g WHERE p.pronamespace = 'doudi'::regnamespace "
      "AND has_function_privilege(g, p.oid, 'EXECUTE') ORDER BY 1");
  BOOST_TEST_REQUIRE(callable.size() > 20u);
  for (const auto& name : callable) {
    BOOST_TEST(review.str().find("`doudi." + name + "(") != std::string::npos, name << " is not in docs/security.md");
  }
}

BOOST_AUTO_TEST_SUITE_END()

// What an outside attack as malicious desk users with psql found in the
// registry (issue 12), closed by migration 17. Each case failed before it.
BOOST_AUTO_TEST_SUITE(registry_attack)

BOOST_FIXTURE_TEST_CASE(the_cross_county_registry_oracle_is_gone, Registry) {
  const Session& clerk = As("clerk_a");
  const std::string outsider = MemberOf(*this, "C");
  // The old question is gone, for every ID anyone cares to ask about.
  BOOST_TEST(clerk.TryExecute("SELECT * FROM doudi.import_registered_members(ARRAY[$1])", {outsider}) == "42883");
  // INSERT ... ON CONFLICT DO NOTHING answered the same question.
  BOOST_TEST(RefusedByPermission(RolledBack(
      clerk,
      "INSERT INTO doudi.person (household_id, region_code, id_number, name, relation) "
      "VALUES ($1, $2, $3, 'x', 'child') ON CONFLICT DO NOTHING",
      {Id("A1"), kVillageA, outsider})));
  // The save says only that the member is registered outside the scope
  // (doudi:household.member_outside_scope), and the question is recorded
  // for the county's auditors, with the household asked about.
  const auto [sql, params] = CreateWithMember(kVillageA, outsider);
  const SqlOutcome o = clerk.Try(sql, params);
  BOOST_TEST(o.Ok(), o.message);
  const std::string refusal = clerk.Scalar("SELECT refusal FROM (" + sql + ") AS s", params);
  BOOST_TEST(refusal.rfind("doudi:household.member_outside_scope {", 0) == 0, refusal);
  BOOST_TEST(refusal.find(Id("C")) == std::string::npos, refusal);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household WHERE address = '新户'") == 0);
  BOOST_TEST(As("auditor").Count("SELECT count(*) FROM doudi.unmasked_access WHERE what = 'cross_scope_id' "
                                 "AND household_id = $1 AND viewer = $2",
                                 {Id("C"), role.at("clerk_a")}) >= 2);
  // A person of a household the clerk may see is named with its household.
  const SqlOutcome visible = clerk.Try(CreateWithMember(kVillageA, MemberOf(*this, "A2")).first,
                                       CreateWithMember(kVillageA, MemberOf(*this, "A2")).second);
  BOOST_TEST(visible.sqlState == "23505");
  BOOST_TEST(visible.message == "doudi:household.member_elsewhere");
  BOOST_TEST(visible.detail.find("\"household_id\" : " + Id("A2")) != std::string::npos, visible.detail);
}

BOOST_FIXTURE_TEST_CASE(questions_outside_the_scope_are_limited_per_day_even_when_rolled_back, Registry) {
  LimitCrossScopeChecks(*this, 2);
  const Session& clerk = As("clerk_a");
  const std::string outsider = MemberOf(*this, "C");
  const auto [sql, params] = CreateWithMember(kVillageA, outsider);
  // Two questions, the second one rolled back: both count.
  BOOST_TEST(clerk.Try(sql, params).Ok());
  BOOST_TEST(RolledBack(clerk, sql, params).Ok());
  const SqlOutcome third = clerk.Try(sql, params);
  BOOST_TEST(third.sqlState == "54000", third.sqlState << " " << third.message);
  BOOST_TEST(third.message.find("doudi:registry.cross_scope_limit") != std::string::npos, third.message);
  // Used up, any new person is refused before the question is answered:
  // otherwise a refusal or its absence would answer it.
  const auto fresh = CreateWithMember(kVillageA, test::MakeId("331022", "20010101", 777));
  BOOST_TEST(clerk.Try(fresh.first, fresh.second).sqlState == "54000");
  // Another user's day is their own.
  BOOST_TEST(As("reviewer").Try(fresh.first, fresh.second).Ok());
  // A session time zone does not move China's day.
  clerk.Execute("SET TimeZone = 'Pacific/Kiritimati'");
  BOOST_TEST(clerk.Try(sql, params).sqlState == "54000");
}

BOOST_FIXTURE_TEST_CASE(nothing_a_reader_sees_completes_a_masked_id, Registry) {
  for (const auto& u : kUsers) {
    BOOST_TEST_CONTEXT(u.name) {
      const Session& s = As(u.name);
      if (u.group != "center_admin") {
        BOOST_TEST(s.TryExecute("SELECT birth_date FROM doudi.person LIMIT 1") == kDenied);
      }
      const std::string rows = Join(s.Rows("SELECT birth_year::text FROM doudi.registry_search('none', '', '', '', '', "
                                           "'', '', 1000, 0) ORDER BY 1"));
      BOOST_TEST(rows.find('-') == std::string::npos, rows);
    }
  }
  BOOST_TEST(Join(As("clerk_a").Rows("SELECT DISTINCT birth_year::text FROM doudi.registry_rows(ARRAY(SELECT id FROM "
                                     "doudi.person)) ORDER BY 1")) == "1970,1972");
  BOOST_TEST(As("auditor").Count("SELECT count(*) FROM doudi.audit_trail WHERE new_row ? 'birth_date' "
                                 "OR old_row ? 'birth_date' OR new_row ? 'import_hash'") == 0);
  BOOST_TEST(As("auditor").Count("SELECT count(*) FROM doudi.audit_trail WHERE new_row ? 'birth_year'") > 0);
}

BOOST_FIXTURE_TEST_CASE(the_import_digest_is_keyed_and_unreadable, Registry) {
  for (const auto& u : kUsers) {
    if (u.group == "center_admin") continue;  // reads bank accounts in full anyway
    BOOST_TEST_CONTEXT(u.name) { BOOST_TEST(As(u.name).TryExecute("SELECT import_hash FROM doudi.household") == kDenied); }
  }
  for (const auto& u : kUsers) {
    BOOST_TEST_CONTEXT(u.name) {
      BOOST_TEST(As(u.name).TryExecute("SELECT * FROM doudi.server_secret") == kDenied);
      BOOST_TEST(As(u.name).TryExecute("SELECT doudi.keyed_digest('x')") == kDenied);
    }
  }
}

BOOST_FIXTURE_TEST_CASE(the_record_of_viewings_keeps_to_the_scope, Registry) {
  const std::string jinjiang = server.CreateUser("admin_j", "center_admin", "350582", "");
  const Session other = server.AsUser(jinjiang);
  other.Rows("SELECT * FROM doudi.household_member_ids($1)", {Id("C")});
  As("admin").Rows("SELECT * FROM doudi.household_member_ids($1)", {Id("A1")});
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.unmasked_access") == 2);
  BOOST_TEST(Join(As("auditor").Rows("SELECT household_id::text FROM doudi.unmasked_access")) == Id("A1"));
  BOOST_TEST(Join(other.Rows("SELECT household_id::text FROM doudi.unmasked_access")) == Id("C"));
  // Who, when and whose scope are the database's to write.
  BOOST_TEST(server.Scalar("SELECT viewer_scope || ' ' || region_code FROM doudi.unmasked_access WHERE household_id = " +
                           Id("C")) == "350582 " + std::string(kOtherCounty));
}

BOOST_FIXTURE_TEST_CASE(desk_roles_cannot_lock_what_others_read, Registry) {
  // No desk group holds a privilege that allows the strong lock modes.
  BOOST_TEST(Join(server.Rows(
                 "SELECT g || ' ' || c.relname FROM pg_class AS c, unnest(ARRAY['doudi_village_clerk', "
                 "'doudi_township_reviewer', 'doudi_city_decider', 'doudi_department_liaison', "
                 "'doudi_finance_officer', 'doudi_center_admin', 'doudi_auditor']) AS g "
                 "WHERE c.relnamespace = 'doudi'::regnamespace AND c.relkind IN ('r', 'p') "
                 "AND has_table_privilege(g, c.oid, 'UPDATE, DELETE, TRUNCATE') ORDER BY 1")) == "");
  for (const std::string user : {"clerk_a", "city", "admin"}) {
    BOOST_TEST_CONTEXT(user) {
      const Session& s = As(user);
      for (const std::string table : {"household", "person", "income_item", "asset", "region"}) {
        BOOST_TEST(RefusedByPermission(RolledBack(s, "LOCK TABLE doudi." + table + " IN ACCESS EXCLUSIVE MODE")),
                   table);
      }
      BOOST_TEST(s.TryExecute("SELECT pg_advisory_lock(hashtext('doudi.audit_seal'))") == kDenied);
      BOOST_TEST(s.TryExecute("SELECT pg_try_advisory_xact_lock(1)") == kDenied);
      BOOST_TEST(s.TryExecute("SELECT lo_create(0)") == kDenied);
      BOOST_TEST(s.TryExecute("SELECT lo_from_bytea(0, 'x')") == kDenied);
    }
  }
}

BOOST_FIXTURE_TEST_CASE(rows_written_directly_can_no_longer_be_lost, Registry) {
  // A clerk added an income row directly; a save from an older copy passed
  // its version check and deleted it. Direct writes are refused, so every
  // change goes through doudi.household_save and bumps the version.
  const Session& clerk = As("clerk_a");
  BOOST_TEST(RefusedByPermission(RolledBack(
      clerk, "INSERT INTO doudi.income_item (household_id, region_code, kind, monthly_fen) VALUES ($1, $2, 'wage', 1)",
      {Id("A1"), kVillageA})));
  BOOST_TEST(RefusedByPermission(
      RolledBack(clerk, "UPDATE doudi.person SET name = '改' WHERE household_id = $1", {Id("A1")})));
  BOOST_TEST(RefusedByPermission(RolledBack(clerk, "DELETE FROM doudi.asset WHERE household_id = $1", {Id("A1")})));
}

BOOST_FIXTURE_TEST_CASE(every_login_role_has_server_side_time_limits, Registry) {
  for (const auto& u : kUsers) {
    BOOST_TEST_CONTEXT(u.name) {
      const Session& s = As(u.name);
      BOOST_TEST(s.Scalar("SHOW statement_timeout") == "2min");
      BOOST_TEST(s.Scalar("SHOW lock_timeout") == "10s");
      BOOST_TEST(s.Scalar("SHOW idle_in_transaction_session_timeout") == "1min");
    }
  }
}

BOOST_FIXTURE_TEST_CASE(the_watchdog_ends_sessions_idle_in_a_transaction, Registry) {
  server.Execute("INSERT INTO doudi.security_limit (key, value, unit, effective_from) VALUES "
                 "('watchdog_idle_in_transaction', 1, 'seconds', current_date - 1)");
  const Session idle = server.AsUser(role.at("clerk_b"));
  idle.Execute("SET idle_in_transaction_session_timeout = 0");  // as an insider would
  idle.Execute("BEGIN");
  idle.Execute("SELECT count(*) FROM doudi.household");
  const std::string pid = idle.Scalar("SELECT pg_backend_pid()");
  BOOST_TEST(As("clerk_a").TryExecute("SELECT * FROM doudi.watchdog_sweep()") == kDenied);
  server.Execute("SELECT pg_sleep(1.5)");
  const auto ended = As("admin").Rows("SELECT pid::text || ' ' || role_name || ' ' || ended::text FROM "
                                      "doudi.watchdog_sweep()");
  BOOST_TEST(Join(ended) == pid + " " + role.at("clerk_b") + " true");
  BOOST_TEST(!idle.Try("SELECT 1").Ok());
}

BOOST_FIXTURE_TEST_CASE(auditors_list_the_record_through_the_data_layer, Registry) {
  As("clerk_a").Rows("SELECT * FROM doudi.household_member_ids($1)", {Id("A1")});
  const auto [sql, params] = CreateWithMember(kVillageA, MemberOf(*this, "C"));
  As("clerk_a").Rows(sql, params);
  dal::pg::PgDatabase auditor(server.ConnectionStringFor(role.at("auditor")));
  const auto log = auditor.Users().AccessLog("2000-01-01");
  BOOST_TEST_REQUIRE(log.size() == 2u);
  BOOST_TEST(log[0].what == "resident_id");
  BOOST_TEST(log[0].viewer == role.at("clerk_a"));
  BOOST_TEST(log[0].householdId == household.at("A1"));
  BOOST_TEST(log[1].what == "cross_scope_id");
  BOOST_TEST(log[1].viewerScope == kVillageA);
  BOOST_TEST(log[1].regionCode == kOtherCounty);
  // Ending sessions is the center administrator's, and none is overdue here.
  dal::pg::PgDatabase admin(server.ConnectionStringFor(role.at("admin")));
  BOOST_TEST(admin.Users().EndOverdueSessions().empty());
  BOOST_CHECK_THROW(auditor.Users().EndOverdueSessions(), dal::DatabaseError);
}

BOOST_FIXTURE_TEST_CASE(staff_names_keep_to_the_scope, Registry) {
  const std::string jinjiang = server.CreateUser("decider_j", "city_decider", "350582", "");
  BOOST_TEST(As("clerk_a").Scalar("SELECT coalesce(doudi.staff_name($1), '(none)')", {jinjiang}) == "(none)");
  BOOST_TEST(As("clerk_a").Scalar("SELECT doudi.staff_name($1)", {role.at("city")}) == "city");
  BOOST_TEST(As("city").Scalar("SELECT doudi.staff_name($1)", {role.at("clerk_a")}) == "clerk_a");
  BOOST_TEST(As("clerk_b").Scalar("SELECT coalesce(doudi.staff_name($1), '(none)')", {role.at("clerk_a")}) == "(none)");
}

BOOST_FIXTURE_TEST_CASE(search_text_is_capped_at_a_name, Registry) {
  const std::string huge(100000, 'x');
  const SqlOutcome o = As("clerk_a").Try(
      "SELECT count(*) FROM doudi.registry_search('name', $1, '%' || $1 || '%', '', '', '', '', 50, 0)", {huge});
  BOOST_TEST(o.sqlState == "22001", o.sqlState << " " << o.message);
  BOOST_TEST(o.message.find("doudi:search.too_long") != std::string::npos);
  for (const std::string f : {"registry_search_ids('name', $1, '', '', '', '', '')",
                              "registry_count(true, 'name', $1, '', '', '', '', '')"}) {
    BOOST_TEST(As("clerk_a").TryExecute("SELECT doudi." + f, {huge}) == "22001", f);
  }
  BOOST_TEST(As("clerk_a").Try("SELECT count(*) FROM doudi.registry_search('name', $1, '%' || $1 || '%', '', '', '', "
                               "'', 50, 0)",
                               {std::string(50, 'x')})
                 .Ok());
}

BOOST_AUTO_TEST_SUITE_END()

// Holes found while writing these tests, in the migrations as of this
// writing. Each case states what the schema should do and fails today; the
// suite is disabled so that scripts/test stays green until the migrations
// are fixed, and runs when named: dal_tests --run_test=known_holes (or
// --run_test=known_holes/<case>). Move each case into "security" with its fix.
// Holes these tests found in migrations 2 and 3, closed by migration 5; each
// case failed before it.
BOOST_AUTO_TEST_SUITE(closed_holes)

BOOST_FIXTURE_TEST_CASE(liaison_gets_member_ids_of_households_not_referred, Registry) {
  // household_member_ids' masked branch admits the caller's region range OR
  // a referral; a liaison has a region scope too (app_user requires one),
  // so it gets the person ids and masked IDs of every household there.
  for (const std::string label : {"A1", "T"}) {
    BOOST_TEST_CONTEXT(label) {
      BOOST_TEST(As("liaison").Rows("SELECT * FROM doudi.household_member_ids($1)", {Id(label)}).empty());
    }
  }
}

BOOST_FIXTURE_TEST_CASE(center_admin_pulls_another_county_into_scope_through_region_codes, Registry) {
  // doudi_center_admin holds UPDATE on doudi.region, which has no policy,
  // and household.region_code follows a code change (ON UPDATE CASCADE, run
  // as the table's owner, so no policy stops the cascade).
  const Session& admin = As("admin");
  const SqlOutcome renamed =
      admin.Try("UPDATE doudi.region SET name = '改名' WHERE code = $1", {std::string(kOtherCounty)});
  BOOST_TEST(renamed.rows == 0, renamed.sqlState << " " << renamed.message);
  const SqlOutcome moved =
      admin.Try("UPDATE doudi.region SET code = '331022001299' WHERE code = $1", {std::string(kOtherCounty)});
  BOOST_TEST(moved.rows == 0, moved.sqlState << " " << moved.message);
  BOOST_TEST(admin.Count("SELECT count(*) FROM doudi.household WHERE id = $1", {Id("C")}) == 0);
  BOOST_TEST(admin.Rows("SELECT id_number FROM doudi.person WHERE household_id = $1", {Id("C")}).empty());
}

BOOST_FIXTURE_TEST_CASE(liaison_sees_referrals_to_a_same_named_department_of_another_county, Registry) {
  // The liaison policies and registry_search match the department's name
  // only; every county has its own 医疗保障局.
  server.Execute(test::ReferralInsert(Id("C"), kOtherCounty, kLiaisonDepartment, "medical_aid"));
  const Session& liaison = As("liaison");
  BOOST_TEST(liaison.Scalar("SELECT string_agg(id::text, ',' ORDER BY id) FROM doudi.household") == Id("B"));
  BOOST_TEST(Join(liaison.Rows(std::string(kSearchAll) + " ORDER BY 1")) == Join(Members({"B"})));
  BOOST_TEST(liaison.Rows("SELECT * FROM doudi.household_member_ids($1)", {Id("C")}).empty());
}

BOOST_FIXTURE_TEST_CASE(desk_roles_write_who_and_when_of_history_and_stamps, Registry) {
  // changed_by, created_by and referred_by default to session_user but a
  // writer may send any value, and any status and date, into the history.
  const Session& clerk = As("clerk_a");
  const std::string self = role.at("clerk_a");
  const auto stored = [&](const std::string& write, const std::string& read) {
    clerk.Execute("BEGIN");
    const SqlOutcome o = clerk.Try(write, {Id("A1"), kVillageA});
    const std::string who = o.Ok() ? clerk.Scalar(read) : std::string("refused");
    clerk.Execute("ROLLBACK");
    return who;
  };
  BOOST_TEST(stored("INSERT INTO doudi.registry_status_change (household_id, region_code, status, since, changed_by) "
                    "VALUES ($1, $2, 'destitute', '2000-01-01', 'someone_else')",
                    "SELECT changed_by FROM doudi.registry_status_change ORDER BY id DESC LIMIT 1") == "refused");
  BOOST_TEST(stored("UPDATE doudi.household SET created_by = 'someone_else' WHERE id = $1 AND region_code = $2",
                    "SELECT created_by FROM doudi.household WHERE id = " + Id("A1")) == "refused");
  BOOST_TEST(stored("INSERT INTO doudi.household (region_code, address, created_by) SELECT $2, 'x' || $1, "
                    "'someone_else'",
                    "SELECT created_by FROM doudi.household ORDER BY id DESC LIMIT 1") == "refused");
}

BOOST_FIXTURE_TEST_CASE(an_income_may_name_a_person_outside_scope, Registry) {
  // income_item.person_id references person(id) alone: a clerk may attach
  // an income to a member of another county's household (and so learn,
  // from the foreign-key error or its absence, which person ids exist).
  const std::string outsider = server.Scalar("SELECT min(id) FROM doudi.person WHERE household_id = " + Id("C"));
  const SqlOutcome o = RolledBack(As("clerk_a"),
                                  "INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, "
                                  "monthly_fen) VALUES ($1, $2, $3, 'wage', 1)",
                                  {Id("A1"), kVillageA, outsider});
  BOOST_TEST(!o.Ok());
}

BOOST_FIXTURE_TEST_CASE(routines_callable_by_every_desk_role, Registry) {
  // REVOKE ALL ON ALL FUNCTIONS skips procedures, and functions created after
  // it keep PUBLIC's EXECUTE unless revoked one by one; every desk role has
  // USAGE on the schema, so all of these are theirs to call. None grants
  // anything today (claim_ownership acts on the caller's own objects), but
  // "not executable by roles that don't need them" does not hold.
  BOOST_TEST(As("clerk_a").TryExecute("CALL doudi.claim_ownership()") == kDenied);
  BOOST_TEST(Join(server.Rows("SELECT p.oid::regprocedure::text FROM pg_proc AS p WHERE p.pronamespace = "
                              "'doudi'::regnamespace AND (p.proacl IS NULL OR EXISTS (SELECT FROM aclexplode(p.proacl) "
                              "AS a WHERE a.grantee = 0)) ORDER BY 1")) == "");
}

BOOST_FIXTURE_TEST_CASE(audit_rows_show_full_ids_and_other_counties, Registry) {
  // 0003 (in progress): audit_row has RLS enabled but not forced, its read
  // policy is USING (true) for auditors and administrators whatever their
  // scope, and old_row/new_row hold id_number and bank_account in full.
  BOOST_TEST(Join(server.Rows("SELECT c.relname FROM pg_class AS c WHERE c.relnamespace = 'doudi'::regnamespace AND "
                              "c.relkind = 'r' AND EXISTS (SELECT FROM pg_attribute AS a WHERE a.attrelid = c.oid AND "
                              "a.attname = 'household_id' AND NOT a.attisdropped) AND NOT c.relforcerowsecurity")) ==
             "");
  // The trail itself is its owner's; readers get a masked view of their scope.
  for (const std::string user : {"auditor", "admin"}) {
    BOOST_TEST_CONTEXT(user) {
      const Session& s = As(user);
      BOOST_TEST(s.TryExecute("SELECT count(*) FROM doudi.audit_row") == kDenied);
      BOOST_TEST(s.Count("SELECT count(*) FROM doudi.audit_trail WHERE household_id = $1", {Id("C")}) == 0);
      BOOST_TEST(s.Count("SELECT count(*) FROM doudi.audit_trail WHERE household_id = $1", {Id("A1")}) > 0);
      BOOST_TEST(s.Count("SELECT count(*) FROM doudi.audit_trail WHERE new_row ->> 'id_number' !~ '^[0-9]{6}[*]{8}' "
                         "AND new_row ? 'id_number'") == 0);
    }
  }
  BOOST_TEST(As("clerk_a").TryExecute("SELECT count(*) FROM doudi.audit_trail") == kDenied);
}

BOOST_AUTO_TEST_SUITE_END()
