// Field intake against the database (docs/intake.md): the reporters'
// tokens, doudi-intake's three functions through IntakeGateway as a member
// of doudi_intake (who may read no table), a resent report stored once,
// the token's region, and the desk's triage under its scope — candidates,
// links, closing and merging — with the wake-up on doudi_intake.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <functional>
#include <string>

#include "case_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/intake_gateway.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/dal/pg/pg_listener.h"
#include "doudi/dal/registry_repository.h"

using namespace doudi;
using test::kDenied;
using test::Session;

namespace {

struct Intake : test::DemoRegistry {
  std::string admin = server.CreateUser("admin", "center_admin", "331022");
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");        // 悬渚村
  std::string otherClerk = server.CreateUser("clerk2", "village_clerk", "331022002202");  // 沙柳街道
  std::string intakeRole = server.RoleName("intake");
  std::unique_ptr<dal::pg::PgDatabase> adminDb =
      std::make_unique<dal::pg::PgDatabase>(server.ConnectionStringFor(admin));
  std::string secret = dal::NewIntakeSecret();
  std::int64_t tokenId = adminDb->Intake().IssueToken("王网格员", "331022001", "", secret);  // 海游街道

  Intake() { adminDb->Intake().AddServerLogin(intakeRole, "Intake-password-1"); }

  dal::IntakeGateway Gateway() const {
    return dal::IntakeGateway(server.ConnectionStringFor(intakeRole, "Intake-password-1"), 2);
  }

  static dal::IntakeSubmission Report(const std::string& village = "331022001201") {
    dal::IntakeSubmission s;
    s.requestId = dal::NewRequestId();
    s.name = "李大妈";
    s.idNumber = test::MakeId("331022", "19500101", 12);
    s.phone = "138 0000 1234";
    s.village = village;
    s.address = "悬渚村5组2号";
    s.category = "illness";
    s.description = "老伴住院，家里没有收入";
    s.urgency = "urgent";
    s.consent = true;
    return s;
  }
};

std::string CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const dal::DatabaseError& e) {
    return e.Code();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake)

BOOST_FIXTURE_TEST_CASE(a_resent_report_is_stored_once_and_the_reporter_sees_its_state, Intake) {
  auto gateway = Gateway();
  const auto me = gateway.Reporter(secret);
  BOOST_TEST(me.name == "王网格员");
  BOOST_TEST(me.tokenId == tokenId);
  BOOST_TEST(me.regionCode == "331022001");
  BOOST_TEST(!me.villages.empty());
  for (const auto& v : me.villages) BOOST_TEST(v.code.rfind("331022001", 0) == 0, v.code);

  auto report = Report();
  const auto first = gateway.Submit(secret, report);
  BOOST_TEST(first.created);
  BOOST_TEST(first.state == "received");
  const auto again = gateway.Submit(secret, report);
  BOOST_TEST(!again.created);
  BOOST_TEST(again.id == first.id);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_report") == 1);
  const auto mine = gateway.ReportsOf(secret);
  BOOST_REQUIRE(mine.size() == 1u);
  BOOST_TEST(mine[0].id == first.id);
  BOOST_TEST(mine[0].receivedAt.size() == 25u, mine[0].receivedAt);
  // The ID number is stored as given, read by the desk only masked.
  BOOST_TEST(server.Scalar("SELECT id_number FROM doudi.intake_report") == report.idNumber);
}

BOOST_FIXTURE_TEST_CASE(tokens_regions_and_fields_are_checked_by_the_database, Intake) {
  auto gateway = Gateway();
  BOOST_TEST(CodeOf([&] { gateway.Submit(secret, Report("331022002202")); }) == "intake.region_outside");
  BOOST_TEST(CodeOf([&] { gateway.Submit(secret, Report("331022001999")); }) == "intake.bad_field");
  auto badId = Report();
  badId.idNumber = "33102219500101001X";
  BOOST_TEST(CodeOf([&] { gateway.Submit(secret, badId); }) == "intake.bad_field");
  auto noConsent = Report();
  noConsent.consent = false;
  BOOST_TEST(CodeOf([&] { gateway.Submit(secret, noConsent); }) == "intake.bad_field");
  BOOST_TEST(CodeOf([&] { gateway.Reporter("dd_" + std::string(43, 'A')); }) == "intake.token_invalid");
  BOOST_TEST(CodeOf([&] { gateway.Reporter("not a token"); }) == "intake.token_invalid");
  server.Execute("UPDATE doudi.intake_token SET expires_on = current_date - 1");
  BOOST_TEST(CodeOf([&] { gateway.Reporter(secret); }) == "intake.token_expired");
  server.Execute("UPDATE doudi.intake_token SET expires_on = NULL");
  adminDb->Intake().RevokeToken(tokenId);
  BOOST_TEST(CodeOf([&] { gateway.Submit(secret, Report()); }) == "intake.token_revoked");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_report") == 0);
  // Only the token's SHA-256 is kept.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_token WHERE secret_sha256 = sha256(convert_to('" + secret +
                          "', 'UTF8'))") == 1);
  // A token for a region outside the administrator's scope is refused.
  BOOST_TEST(CodeOf([&] { adminDb->Intake().IssueToken("外县", "350582", "", dal::NewIntakeSecret()); }) ==
             "intake.token_region");
}

BOOST_FIXTURE_TEST_CASE(the_intake_login_reads_no_table_and_calls_no_desk_function, Intake) {
  const Session s = server.AsUser(intakeRole, "Intake-password-1");
  for (const std::string table : {"intake_report", "intake_token", "intake_photo", "household", "person"}) {
    BOOST_TEST(s.TryExecute("SELECT count(*) FROM doudi." + table) == kDenied, table);
  }
  BOOST_TEST(s.TryExecute("SELECT doudi.intake_report_close(1, 1, 'helped', '', NULL)") == kDenied);
  BOOST_TEST(s.TryExecute("SELECT doudi.intake_token_issue('x', '33', NULL, '\\x00')") == kDenied);
  // A desk user cannot call the server's functions.
  const Session c = server.AsUser(clerk);
  BOOST_TEST(c.TryExecute("SELECT doudi.intake_reporter($1)", {secret}) == kDenied);
}

BOOST_FIXTURE_TEST_CASE(the_desk_triages_within_its_scope_and_merges_reports_of_one_family, Intake) {
  auto gateway = Gateway();
  const auto first = gateway.Submit(secret, Report());
  auto second = Report();
  second.category = "income_loss";
  const auto other = gateway.Submit(secret, second);

  dal::pg::PgDatabase clerkDb(server.ConnectionStringFor(clerk));
  dal::pg::PgDatabase otherDb(server.ConnectionStringFor(otherClerk));
  BOOST_TEST(otherDb.Intake().Reports({}).empty());
  BOOST_TEST(CodeOf([&] { otherDb.Intake().Close(first.id, 1, "helped", ""); }) == "intake.report_unknown");
  const auto reports = clerkDb.Intake().Reports({});
  BOOST_REQUIRE(reports.size() == 2u);
  const auto report = *clerkDb.Intake().Report(first.id);
  BOOST_TEST(report.reporterName == "王网格员");
  BOOST_TEST(report.idNumberMasked.find("********") != std::string::npos);
  BOOST_TEST(report.urgency == "urgent");

  // A household registered from the report is found by the ID number.
  const std::string household = Household("SM-0001");
  const std::string idNumber = server.Scalar("SELECT id_number FROM doudi.person WHERE household_id = " + household +
                                             " ORDER BY position LIMIT 1");
  server.Execute("UPDATE doudi.intake_report SET id_number = '" + idNumber +
                 "' WHERE id = " + std::to_string(first.id));
  const auto candidates = clerkDb.Intake().Candidates(first.id);
  BOOST_REQUIRE(!candidates.empty());
  BOOST_TEST(candidates[0].householdId == std::stoll(household));
  BOOST_TEST(candidates[0].matchedBy == "id_number");
  BOOST_TEST(otherDb.Intake().Candidates(first.id).empty());

  dal::IntakeLink link;
  link.householdId = candidates[0].householdId;
  const int v2 = clerkDb.Intake().Link(first.id, 1, link);
  BOOST_TEST(v2 == 2);
  BOOST_TEST(clerkDb.Intake().Report(first.id)->state == "handling");
  // A stale version is refused.
  BOOST_TEST(CodeOf([&] { clerkDb.Intake().Link(first.id, 1, link); }) == "intake.report_changed");

  // The second report of the same family is merged: the reporter sees the first's state.
  clerkDb.Intake().Merge(other.id, 1, first.id);
  auto mine = gateway.ReportsOf(secret);
  for (const auto& r : mine) BOOST_TEST(r.state == "handling");
  BOOST_TEST(CodeOf([&] { clerkDb.Intake().Close(first.id, v2, "no_action", ""); }) == "intake.bad_field");
  clerkDb.Intake().Close(first.id, v2, "helped", "临时救助已发放");
  // Sent again after a lost reply: its result, once; another outcome on the
  // old version is a conflict.
  clerkDb.Intake().Close(first.id, v2, "helped", "临时救助已发放");
  BOOST_TEST(clerkDb.Intake().Report(first.id)->version == v2 + 1);
  BOOST_TEST(CodeOf([&] { clerkDb.Intake().Close(first.id, v2, "referred", ""); }) == "intake.report_changed");
  mine = gateway.ReportsOf(secret);
  for (const auto& r : mine) BOOST_TEST(r.state == "closed");
  BOOST_TEST(clerkDb.Intake().Reports({}).empty());  // open ones only
  dal::IntakeFilter all;
  all.openOnly = false;
  BOOST_TEST(clerkDb.Intake().Reports(all).size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(a_listening_desk_is_woken_by_a_new_report, Intake) {
  dal::pg::PgListener listener(server.ConnectionStringFor(clerk), "doudi_intake");
  BOOST_TEST(static_cast<int>(listener.Wait(std::chrono::milliseconds(2000))) ==
             static_cast<int>(dal::pg::PgListener::Event::Connected));
  BOOST_TEST(static_cast<int>(listener.Wait(std::chrono::milliseconds(200))) ==
             static_cast<int>(dal::pg::PgListener::Event::Timeout));
  auto gateway = Gateway();
  gateway.Submit(secret, Report());
  BOOST_TEST(static_cast<int>(listener.Wait(std::chrono::milliseconds(5000))) ==
             static_cast<int>(dal::pg::PgListener::Event::Notified));
}

BOOST_AUTO_TEST_SUITE_END()
