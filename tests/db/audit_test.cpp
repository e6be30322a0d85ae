// The audit trail of migrations 3 and 16: every change recorded in the same
// transaction, chained by sealing, append-only, and tampering detected: in
// the trail, against an anchor kept outside, and in the audited tables.
#include <boost/test/unit_test.hpp>

#include <set>
#include <thread>

#include "audit_tampering.h"
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
  BOOST_TEST((v.breakKind == dal::AuditBreak::RowsChanged));
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

BOOST_AUTO_TEST_CASE(audited_workflows_reconcile_with_their_tables) {
  // No cry of wolf from the comparison of tables and trail: an import,
  // saves with members leaving and assets removed, and the trail's own
  // users all match their last audit row.
  test::MigratedDatabase m;
  dal::ImportOptions options;
  options.today = test::kToday;
  options.source = "demo";
  m.db->Importer().Import(admin::DemoHouseholdRows(), options);
  const auto id = CreateSample(m);
  auto h = *m.db->Registry().LoadHousehold(id);
  h.address = "新地址";
  h.assets.clear();
  h.members.pop_back();  // the wife leaves
  m.db->Registry().SaveHousehold(h);
  m.server.CreateUser("auditor", "auditor", "331022");
  const auto v = m.db->Audit().Verify();
  BOOST_TEST(v.intact, v.problem);
  BOOST_TEST(v.outsideChanges.empty());
  BOOST_TEST(v.pendingRows == 0);
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 12, findings 10 and 11: each case failed before migration 19 and
// the anchor (a held seal lock was reported as a break; a superuser's
// removal or recomputed rewrite of the trail, and a change with triggers
// off, verified as intact).
BOOST_AUTO_TEST_SUITE(audit_closed_holes)

BOOST_AUTO_TEST_CASE(rows_waiting_for_a_held_seal_lock_are_not_a_break) {
  test::MigratedDatabase m;
  CreateSample(m, 100);
  // Another session is sealing: it holds the lock the sealing step tries.
  test::Session sealer = m.server.AsSuperuser();
  const auto sealerPid = std::stoi(sealer.Scalar("SELECT pg_backend_pid()"));
  sealer.Execute("BEGIN");
  sealer.Execute("SELECT pg_advisory_xact_lock(hashtext('doudi.audit_seal'))");
  CreateSample(m, 200);  // committed; its own seal finds the lock taken
  auto v = m.db->Audit().Verify();
  BOOST_TEST(v.intact, v.problem);
  BOOST_TEST((v.breakKind == dal::AuditBreak::None));
  BOOST_TEST(v.seals == 1);
  BOOST_TEST(v.pendingTransactions == 1);
  BOOST_TEST(v.pendingRows == 6);
  BOOST_REQUIRE(v.sealLockPid.has_value());
  BOOST_TEST(*v.sealLockPid == sealerPid);
  BOOST_TEST(v.sealLockUser == "postgres");
  // A row really slipped in (no pending entry) is a break even meanwhile.
  const auto slipped = m.server.Scalar(
      "INSERT INTO doudi.audit_row (txid, at, actor, table_name, operation, row_key, row_hash) "
      "VALUES (1, now(), 'nobody', 'household', 'UPDATE', '1', '\\x00') RETURNING id");
  v = m.db->Audit().Verify();
  BOOST_TEST(!v.intact);
  BOOST_TEST((v.breakKind == dal::AuditBreak::RowUnsealed));
  BOOST_REQUIRE(v.brokenRow.has_value());
  BOOST_TEST(std::to_string(*v.brokenRow) == slipped);
  BOOST_TEST(v.pendingRows == 6);  // still told apart from the waiting ones
  sealer.Execute("ROLLBACK");
}

BOOST_AUTO_TEST_CASE(pending_rows_are_sealed_once_the_lock_is_free) {
  test::MigratedDatabase m;
  test::Session sealer = m.server.AsSuperuser();
  sealer.Execute("BEGIN");
  sealer.Execute("SELECT pg_advisory_xact_lock(hashtext('doudi.audit_seal'))");
  CreateSample(m);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.audit_pending") == 1);
  sealer.Execute("COMMIT");
  const auto v = m.db->Audit().Verify();
  BOOST_TEST(v.intact, v.problem);
  BOOST_TEST(v.pendingRows == 0);
  BOOST_TEST(!v.sealLockPid.has_value());
  BOOST_TEST(v.auditRows == m.server.Count("SELECT count(*) FROM doudi.audit_row"));
}

BOOST_AUTO_TEST_CASE(removing_the_last_transaction_and_its_seal_is_reported) {
  test::MigratedDatabase m;
  CreateSample(m, 100);
  const auto before = m.db->Audit().LatestSeal();
  const auto second = CreateSample(m, 200);
  const auto last = m.db->Audit().LatestSeal();
  BOOST_REQUIRE(before.has_value());
  BOOST_REQUIRE(last.has_value());
  BOOST_TEST(last->seq == before->seq + 1);
  BOOST_TEST(last->hash.size() == 64u);
  BOOST_TEST(last->rowCount == 6);
  BOOST_TEST(last->auditRows == m.server.Count("SELECT count(*) FROM doudi.audit_row"));
  test::RemoveLastSealedTransaction(m.server);
  // The anchor taken at the removed seal is not held...
  const auto held = m.db->Audit().CheckAnchor(*last);
  BOOST_TEST((held.outcome == dal::AnchorVerdict::Outcome::SealMissing));
  BOOST_TEST(held.lastSeq == before->seq);
  // ...the one before it still is...
  BOOST_TEST((m.db->Audit().CheckAnchor(*before).outcome == dal::AnchorVerdict::Outcome::Contained));
  // ...and the household the removed transaction created has no audit row.
  const auto v = m.db->Audit().Verify();
  BOOST_TEST(!v.intact);
  BOOST_TEST((v.breakKind == dal::AuditBreak::None));  // what is left of the chain is whole
  const auto unaudited = std::find_if(v.outsideChanges.begin(), v.outsideChanges.end(), [&](const auto& c) {
    return c.table == "household" && c.key == std::to_string(second);
  });
  BOOST_REQUIRE(unaudited != v.outsideChanges.end());
  BOOST_TEST((unaudited->kind == dal::AuditOutsideChange::Kind::Unaudited));
}

BOOST_AUTO_TEST_CASE(rewriting_history_with_recomputed_hashes_breaks_the_anchor) {
  test::MigratedDatabase m;
  CreateSample(m, 100);
  CreateSample(m, 200);
  const auto anchor = m.db->Audit().LatestSeal();
  BOOST_REQUIRE(anchor.has_value());
  // Who made the first household is rewritten, then every row hash, seal
  // hash and link after it recomputed: the chain is whole again.
  m.server.Execute(
      "ALTER TABLE doudi.audit_row DISABLE TRIGGER append_only; "
      "ALTER TABLE doudi.audit_seal DISABLE TRIGGER append_only; "
      "UPDATE doudi.audit_row SET actor = 'someone_else' WHERE id = (SELECT min(id) FROM doudi.audit_row); "
      "UPDATE doudi.audit_row SET row_hash = doudi.audit_row_hash(txid, at, actor, table_name, operation, row_key, "
      "old_row, new_row); "
      "DO $$ DECLARE s record; prev bytea := '\\x' || repeat('00', 32); rh bytea; BEGIN "
      "  FOR s IN SELECT * FROM doudi.audit_seal ORDER BY seq LOOP "
      "    SELECT sha256(string_agg(r.row_hash, ''::bytea ORDER BY r.id)) INTO rh FROM doudi.audit_row AS r "
      "    WHERE r.txid = s.txid; "
      "    UPDATE doudi.audit_seal SET rows_hash = rh, prev_hash = prev, "
      "           hash = doudi.audit_seal_hash(prev, s.seq, s.txid, rh) WHERE seq = s.seq; "
      "    prev := doudi.audit_seal_hash(prev, s.seq, s.txid, rh); "
      "  END LOOP; END $$; "
      "ALTER TABLE doudi.audit_row ENABLE TRIGGER append_only; "
      "ALTER TABLE doudi.audit_seal ENABLE TRIGGER append_only");
  BOOST_TEST(m.server.Scalar("SELECT actor FROM doudi.audit_row ORDER BY id LIMIT 1") == "someone_else");
  const auto v = m.db->Audit().Verify();
  BOOST_TEST((v.breakKind == dal::AuditBreak::None), v.problem);  // the rewrite is self-consistent
  const auto held = m.db->Audit().CheckAnchor(*anchor);
  BOOST_TEST((held.outcome == dal::AnchorVerdict::Outcome::HashDiffers));
  BOOST_TEST(held.found.seq == anchor->seq);
  BOOST_TEST(held.found.hash != anchor->hash);
  // An anchor of the chain as it now is holds: the check can also pass.
  auto untouched = *anchor;
  untouched.hash = held.found.hash;
  untouched.sealedAt = held.found.sealedAt;
  BOOST_TEST((m.db->Audit().CheckAnchor(untouched).outcome == dal::AnchorVerdict::Outcome::Contained));
  untouched.rowCount += 1;
  BOOST_TEST((m.db->Audit().CheckAnchor(untouched).outcome == dal::AnchorVerdict::Outcome::SealChanged));
}

BOOST_AUTO_TEST_CASE(rows_changed_with_triggers_off_are_reported) {
  test::MigratedDatabase m;
  const auto changed = std::to_string(CreateSample(m, 100));
  const auto other = std::to_string(CreateSample(m, 200));
  const auto gonePerson = m.server.Scalar("SELECT min(id) FROM doudi.person WHERE household_id = " + other);
  // session_replication_role = replica: ordinary triggers, the audit's
  // included, do not fire.
  m.server.Execute(
      "SET session_replication_role = replica; "
      "UPDATE doudi.household SET address = '改过的地址' WHERE id = " +
      changed +
      "; "
      "DELETE FROM doudi.income_item WHERE person_id = " +
      gonePerson +
      "; "
      "DELETE FROM doudi.person WHERE id = " +
      gonePerson +
      "; "
      "INSERT INTO doudi.asset (household_id, region_code, kind, description, value_fen) "
      "  SELECT id, region_code, 'vehicle', '新车', 100 FROM doudi.household WHERE id = " +
      other +
      "; "
      "RESET session_replication_role");
  const auto addedAsset = m.server.Scalar("SELECT max(id) FROM doudi.asset");
  const auto v = m.db->Audit().Verify();
  BOOST_TEST(!v.intact);
  BOOST_TEST((v.breakKind == dal::AuditBreak::None));
  std::set<std::string> found;
  for (const auto& c : v.outsideChanges) {
    found.insert(c.table + " " + c.key + " " + std::to_string(static_cast<int>(c.kind)));
  }
  const auto kind = [](dal::AuditOutsideChange::Kind k) { return std::to_string(static_cast<int>(k)); };
  BOOST_TEST(found.count("household " + changed + " " + kind(dal::AuditOutsideChange::Kind::Changed)) == 1u);
  BOOST_TEST(found.count("person " + gonePerson + " " + kind(dal::AuditOutsideChange::Kind::Gone)) == 1u);
  BOOST_TEST(found.count("asset " + addedAsset + " " + kind(dal::AuditOutsideChange::Kind::Unaudited)) == 1u);
  BOOST_TEST(v.problem.find("changed outside the audit") != std::string::npos, v.problem);
}

BOOST_AUTO_TEST_CASE(the_first_deleted_row_of_a_seal_is_named) {
  test::MigratedDatabase m;
  CreateSample(m);
  m.db->Audit().SealPending();
  // The third of the seal's six rows, not its first, is named.
  const auto victim = m.server.Scalar("SELECT id FROM doudi.audit_row ORDER BY id OFFSET 2 LIMIT 1");
  m.server.Execute(
      "ALTER TABLE doudi.audit_row DISABLE TRIGGER append_only; "
      "DELETE FROM doudi.audit_row WHERE id = " +
      victim +
      "; "
      "ALTER TABLE doudi.audit_row ENABLE TRIGGER append_only");
  const auto v = m.db->Audit().Verify();
  BOOST_TEST((v.breakKind == dal::AuditBreak::RowsChanged));
  BOOST_REQUIRE(v.brokenRow.has_value());
  BOOST_TEST(std::to_string(*v.brokenRow) == victim);
  BOOST_TEST(v.rowsNow == 5);
  BOOST_TEST(v.rowsSealed == 6);
}

BOOST_AUTO_TEST_CASE(only_auditors_and_center_administrators_verify_and_anchor) {
  test::MigratedDatabase m;
  CreateSample(m);
  for (const std::string group : {"village_clerk", "township_reviewer", "city_decider", "finance_officer"}) {
    BOOST_TEST_CONTEXT(group) {
      const auto role = m.server.CreateUser(group.substr(0, 8), group,
                                            group == "village_clerk"       ? "331022001201"
                                            : group == "township_reviewer" ? "331022001"
                                                                           : "331022");
      const auto desk = m.server.AsUser(role);
      for (const std::string call : {"SELECT * FROM doudi.audit_verify()", "SELECT * FROM doudi.audit_reconcile()",
                                     "SELECT hash FROM doudi.audit_seal"}) {
        BOOST_TEST(desk.TryExecute(call) == "42501", call);
      }
      // The trail stays untouchable by desk roles.
      BOOST_TEST(desk.TryExecute("DELETE FROM doudi.audit_seal") == "42501");
      BOOST_TEST(desk.TryExecute("INSERT INTO doudi.audit_pending VALUES (1)") == "42501");
    }
  }
  const auto auditor = m.server.AsUser(m.server.CreateUser("auditor", "auditor", "331022001"));
  BOOST_TEST(auditor.TryExecute("SELECT * FROM doudi.audit_reconcile()").empty());
  BOOST_TEST(auditor.Count("SELECT count(*) FROM doudi.audit_verify() WHERE problem IS NULL") == 1);
  // Nobody is, or becomes, the role the reconciliation runs as.
  BOOST_TEST(m.server.Count("SELECT count(*) FROM pg_auth_members WHERE roleid = 'doudi_audit_reader'::regrole") == 0);
  BOOST_TEST(m.server.Scalar("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'doudi_audit_reader'") == "f");
  BOOST_TEST(auditor.TryExecute("SET ROLE doudi_audit_reader") == "42501");
}

BOOST_AUTO_TEST_SUITE_END()
