// The audit trail of migration 0003: every change recorded in the same
// transaction, chained by sealing, append-only, and tampering detected.
#include <boost/test/unit_test.hpp>

#include <thread>

#include "db_fixture.h"
#include "doudi/dal/errors.h"

using namespace doudi;

namespace {

std::int64_t CreateSample(test::MigratedDatabase& m, int sequenceBase = 100) {
  return m.db->Registry().CreateHousehold(test::SampleHousehold(sequenceBase));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_trail)

BOOST_AUTO_TEST_CASE(every_change_is_recorded_with_who_and_what) {
  test::MigratedDatabase m;
  const auto id = CreateSample(m);
  const std::string hid = std::to_string(id);
  // household, two persons, an income item, an asset, the status history row
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.audit_row WHERE household_id = " + hid) == 6);
  BOOST_TEST(m.server.Scalar("SELECT DISTINCT actor FROM doudi.audit_row") == "postgres");
  auto h = *m.db->Registry().LoadHousehold(id);
  h.address = "新地址";
  m.db->Registry().SaveHousehold(h);
  const auto history = m.db->Audit().HouseholdHistory(id);
  const auto update = std::find_if(history.begin(), history.end(), [](const auto& e) {
    return e.operation == "UPDATE" && e.table == "household";
  });
  BOOST_REQUIRE(update != history.end());
  BOOST_TEST((std::find(update->changes.begin(), update->changes.end(),
                        "address: 海游街道悬渚村3组8号 -> 新地址") != update->changes.end()));
  BOOST_TEST(update->sealed);  // the save sealed its own transaction
}

BOOST_AUTO_TEST_CASE(a_failed_transaction_leaves_no_audit) {
  test::MigratedDatabase m;
  CreateSample(m);
  const auto before = m.server.Count("SELECT count(*) FROM doudi.audit_row");
  auto dup = test::SampleHousehold();  // same members again: refused
  BOOST_CHECK_THROW(m.db->Registry().CreateHousehold(dup), dal::ConstraintViolation);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.audit_row") == before);
}

BOOST_AUTO_TEST_CASE(intact_chain_verifies) {
  test::MigratedDatabase m;
  for (int i = 0; i < 5; ++i) {
    CreateSample(m, 100 + 10 * i);
  }
  const auto v = m.db->Audit().Verify();
  BOOST_TEST(v.intact, v.problem);
  BOOST_TEST(v.seals >= 5);
  BOOST_TEST(v.auditRows == m.server.Count("SELECT count(*) FROM doudi.audit_row"));
}

BOOST_AUTO_TEST_CASE(the_trail_is_append_only) {
  test::MigratedDatabase m;
  CreateSample(m);
  m.db->Audit().SealPending();
  BOOST_CHECK_THROW(m.server.Execute("UPDATE doudi.audit_row SET actor = 'x'"), std::runtime_error);
  BOOST_CHECK_THROW(m.server.Execute("DELETE FROM doudi.audit_row"), std::runtime_error);
  BOOST_CHECK_THROW(m.server.Execute("TRUNCATE doudi.audit_row"), std::runtime_error);
  BOOST_CHECK_THROW(m.server.Execute("UPDATE doudi.audit_seal SET sealed_at = now()"), std::runtime_error);
  BOOST_CHECK_THROW(m.server.Execute("TRUNCATE doudi.audit_seal"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(an_edited_row_is_named) {
  test::MigratedDatabase m;
  CreateSample(m, 100);
  CreateSample(m, 200);
  m.db->Audit().SealPending();
  const auto victim = m.server.Scalar(
      "SELECT id FROM doudi.audit_row WHERE table_name = 'person' ORDER BY id DESC LIMIT 1");
  // A superuser gets past the append-only trigger...
  m.server.Execute("ALTER TABLE doudi.audit_row DISABLE TRIGGER append_only");
  m.server.Execute("UPDATE doudi.audit_row SET new_row = jsonb_set(new_row, '{name}', '\"某人\"') WHERE id = " + victim);
  m.server.Execute("ALTER TABLE doudi.audit_row ENABLE TRIGGER append_only");
  // ...but not past the chain.
  const auto v = m.db->Audit().Verify();
  BOOST_TEST(!v.intact);
  BOOST_REQUIRE(v.brokenRow.has_value());
  BOOST_TEST(std::to_string(*v.brokenRow) == victim);
  BOOST_TEST(v.seals == 1);  // the first household's seal is still intact
}

BOOST_AUTO_TEST_CASE(a_rehashed_or_removed_row_breaks_its_seal) {
  test::MigratedDatabase m;
  CreateSample(m);
  m.db->Audit().SealPending();
  m.server.Execute("ALTER TABLE doudi.audit_row DISABLE TRIGGER append_only");
  // Recomputing the row's own hash hides the edit from the row check, not
  // from the seal over the rows.
  m.server.Execute(
      "UPDATE doudi.audit_row SET new_row = jsonb_set(new_row, '{address}', '\"x\"'), "
      "row_hash = doudi.audit_row_hash(txid, at, actor, table_name, operation, row_key, old_row, "
      "jsonb_set(new_row, '{address}', '\"x\"')) WHERE table_name = 'household'");
  auto v = m.db->Audit().Verify();
  BOOST_TEST(!v.intact);
  BOOST_TEST(v.brokenSeal.has_value());
  BOOST_TEST(v.problem.find("rewritten") != std::string::npos, v.problem);
  m.server.Execute("DELETE FROM doudi.audit_row WHERE table_name = 'asset'");
  v = m.db->Audit().Verify();
  BOOST_TEST(!v.intact);
  BOOST_TEST(v.problem.find("removed") != std::string::npos, v.problem);
}

BOOST_AUTO_TEST_CASE(concurrent_writers_never_fork_the_chain) {
  test::MigratedDatabase m;
  constexpr int kWriters = 4, kEach = 5;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      dal::pg::PgDatabase db(m.server.ConnectionString());
      for (int i = 0; i < kEach; ++i) db.Registry().CreateHousehold(test::SampleHousehold(100 + 20 * (w * kEach + i)));
    });
  }
  for (auto& t : writers) t.join();
  const auto v = m.db->Audit().Verify();
  BOOST_TEST(v.intact, v.problem);
  BOOST_TEST(v.seals == kWriters * kEach);
  BOOST_TEST(m.server.Scalar("SELECT max(seq) = count(*) AND count(DISTINCT prev_hash) = count(*) FROM doudi.audit_seal") == "t");
}

BOOST_AUTO_TEST_CASE(an_import_is_one_sealed_entry) {
  test::MigratedDatabase m;
  dal::ImportOptions options;
  options.today = test::kToday;
  options.source = "demo";
  m.db->Importer().Import(admin::DemoHouseholdRows(), options);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.audit_seal") == 1);
  BOOST_TEST(m.server.Count("SELECT row_count FROM doudi.audit_seal") ==
             m.server.Count("SELECT count(*) FROM doudi.audit_row"));
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.audit_row WHERE table_name = 'person'") == 292);
  BOOST_TEST(m.db->Audit().Verify().intact);
}

BOOST_AUTO_TEST_SUITE_END()
