// Holes an outside attack found in the case functions (issue 12, findings 5,
// 15 and 17), driven as the attack did: raw SQL as desk users with psql,
// and through the data layer for the retries. Each case failed before
// migration 0018 and the data layer's lookups after a failure.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <tuple>
#include <utility>

#include "case_fixture.h"
#include "doudi/dal/errors.h"

using namespace doudi;
using test::kDenied;
using test::kNotAllowed;
using test::Session;
using test::SqlOutcome;

namespace {

// Every program of doudi.program.
const std::vector<std::string> kPrograms = {"dibao",     "destitute", "near_dibao", "temporary", "medical",
                                            "education", "housing",   "employment", "disaster",  "charity"};

bool HasCode(const SqlOutcome& o, const std::string& code) {
  return o.message.rfind("doudi:" + code, 0) == 0;
}

struct CaseHoles : test::DemoRegistry {
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
  std::string city = server.CreateUser("city", "city_decider", "331022");
  std::string city2 = server.CreateUser("city2", "city_decider", "331022");

  std::string Survey(const Session& as, const std::string& id, const std::string& request) const {
    return as.TryExecute(
        "SELECT doudi.case_record_survey($1, '{王调查,李调查}', current_date, '收入低于标准', '户主', "
        "$2::uuid)",
        {id, request});
  }
  std::string Evidence(const Session& as, const std::string& id, const std::string& kind,
                       const std::string& request) const {
    return as.TryExecute(test::EvidenceWithFile("SELECT doudi.case_add_evidence($1, $2, '核对报告', '', $3::uuid)"),
                         {id, kind, request});
  }
  // Without a reason, as the attack called it (migration 0011's arguments).
  SqlOutcome Propose(const Session& as, const std::string& id, const std::string& monthly, const std::string& oneOff,
                     const std::string& reason = "", const std::string& fund = "") const {
    if (reason.empty()) {
      return as.Try(
          "SELECT doudi.case_propose_amount($1, $2::bigint, $3::bigint, '{手工填写}', NULLIF($4, ''), "
          "gen_random_uuid())",
          {id, monthly, oneOff, fund});
    }
    return as.Try(
        "SELECT doudi.case_propose_amount($1, $2::bigint, $3::bigint, '{手工填写}', NULLIF($4, ''), "
        "gen_random_uuid(), $5)",
        {id, monthly, oneOff, fund, reason});
  }
  // Accepted, surveyed and verified by the reviewer: an amount may be proposed.
  void ToVerified(const Session& r, const std::string& id) const {
    BOOST_TEST_REQUIRE(ActBare(r, id, "accept") == "");
    BOOST_TEST_REQUIRE(Survey(r, id, dal::NewRequestId()) == "");
    BOOST_TEST_REQUIRE(ActBare(r, id, "survey") == "");
    BOOST_TEST_REQUIRE(Evidence(r, id, "verification_report", dal::NewRequestId()) == "");
    BOOST_TEST_REQUIRE(ActBare(r, id, "verify") == "");
  }
  // From verified through the review and a notice that has run its days.
  void ToDecision(const Session& r, const std::string& id) const {
    BOOST_TEST_REQUIRE(ActBare(r, id, "review", "同意") == "");
    BOOST_TEST_REQUIRE(ActBare(r, id, "publish") == "");
    server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + id);
    BOOST_TEST_REQUIRE(ActBare(r, id, "close_notice") == "");
  }
  std::int64_t Members(const std::string& ref) const {
    return server.Count("SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND household_id = " + Household(ref));
  }

  // Runs a change on `first` inside an open transaction, then the same
  // change on `second` while the first is not yet committed, commits the
  // first, and returns what the second (the retry) got. The retry is
  // checked to have waited for the original: a race, not two calls in turn.
  template <typename Outcome>
  Outcome Race(const Session& first, std::function<void()> original, std::function<Outcome()> retry,
               const std::string& retryPid) const {
    first.Execute("BEGIN");
    original();
    auto pending = std::async(std::launch::async, std::move(retry));
    bool waited = false;
    for (int i = 0; i < 400 && !waited; ++i) {
      waited = server.Scalar("SELECT coalesce((SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = " +
                             retryPid + "), false)") == "t";
      if (!waited) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    first.Execute("COMMIT");
    BOOST_TEST(waited, "the retry never waited for the original");
    return pending.get();
  }
  // The same SQL on two connections of the same user.
  SqlOutcome RaceSql(const Session& first, const Session& second, const std::string& sql,
                     const test::SqlParams& params) const {
    const std::string pid = second.Scalar("SELECT pg_backend_pid()");
    return Race<SqlOutcome>(
        first, [&] { BOOST_TEST_REQUIRE(first.TryExecute(sql, params) == ""); },
        [&] { return second.Try(sql, params); }, pid);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(closed_case_holes)

// Finding 5: a city decider proposed 900,000,000,000,000,000 fen for cases
// of 特困, 医疗救助, 临时救助 (monthly) and as a 低保 one-off grant, and all
// were accepted; twice the largest bigint raised `bigint out of range`.
// Every program's amount, monthly and one-off, is now bounded, and refused
// with a code.
BOOST_FIXTURE_TEST_CASE(a_city_decider_proposes_huge_amounts_for_every_program, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  server.Execute(
      "INSERT INTO doudi.charity_fund (code, name, donor, region_prefix, kind, amount_fen) "
      "VALUES ('sm_huge', '巨额基金', '某企业', '331022', 'money', 9223372036854775807)");
  const std::vector<std::pair<std::string, std::string>> attacks = {
      {"900000000000000000", "0"}, {"0", "900000000000000000"}, {"9223372036854775807", "9223372036854775807"}};
  for (const std::string& program : kPrograms) {
    BOOST_TEST_CONTEXT(program) {
      const std::string id = Open(c, "SM-0001", program);
      ToVerified(r, id);
      for (const auto& [monthly, oneOff] : attacks) {
        const SqlOutcome o = Propose(d, id, monthly, oneOff, "", program == "charity" ? "sm_huge" : "");
        BOOST_TEST(o.sqlState == kNotAllowed, monthly << " + " << oneOff << ": [" << o.sqlState << "] " << o.message);
        BOOST_TEST(HasCode(o, "amount."), o.message);
      }
      BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_amount_proposal WHERE case_id = " + id) == 0);
      // Ended, so that the next program (特困 after 低保 ...) is not refused as excluded.
      server.Execute("UPDATE doudi.assistance_case SET state = 'terminated' WHERE id = " + id);
    }
  }
}

// The caps come from the parameters in force: each program has one in the
// three demo places, an amount at the cap is accepted and one fen more is
// not; a part no rule bounds is refused with amount.no_bound.
BOOST_FIXTURE_TEST_CASE(every_program_is_capped_by_its_parameters, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  server.Execute(
      "INSERT INTO doudi.charity_fund (code, name, donor, region_prefix, kind, amount_fen) "
      "VALUES ('sm_help', '助困基金', '三门县慈善总会', '331022', 'money', 100000000)");
  const std::int64_t members = Members("SM-0001");
  // Sanmen (0008 and 0018): the cap of the part each program pays.
  const std::vector<std::tuple<std::string, bool, std::int64_t>> caps = {
      {"dibao", true, 108000 * members}, {"destitute", true, 140400 + 100000}, {"near_dibao", false, 200000},
      {"temporary", false, 648000},      {"medical", false, 10000000},         {"education", false, 500000},
      {"housing", false, 4000000},       {"employment", false, 200000},        {"disaster", false, 2000000},
      {"charity", false, 1000000}};
  for (const auto& [program, monthly, cap] : caps) {
    BOOST_TEST_CONTEXT(program) {
      const std::string id = Open(c, "SM-0001", program);
      ToVerified(r, id);
      const std::string fund = program == "charity" ? "sm_help" : "";
      const std::string above = std::to_string(cap + 1), at = std::to_string(cap);
      const SqlOutcome over = monthly ? Propose(d, id, above, "0", "", fund) : Propose(d, id, "0", above, "", fund);
      BOOST_TEST(HasCode(over, "amount.over_cap"), over.message);
      // The part the program does not pay has no cap: refused.
      const SqlOutcome other = monthly ? Propose(d, id, at, "1", "", fund) : Propose(d, id, "1", at, "", fund);
      BOOST_TEST(HasCode(other, "amount.no_bound"), other.message);
      const SqlOutcome within = monthly ? Propose(d, id, at, "0", "", fund) : Propose(d, id, "0", at, "", fund);
      BOOST_TEST(within.Ok(), within.message);
      // Ended, so that the next program (特困 after 低保 ...) is not refused as excluded.
      server.Execute("UPDATE doudi.assistance_case SET state = 'terminated' WHERE id = " + id);
    }
  }
  // Jinjiang and Dianjiang have a cap for every program too (joint_help opens no cases).
  for (const std::string place : {"350582", "500231"}) {
    BOOST_TEST(server.Count("SELECT count(*) FROM doudi.program AS g WHERE g.opens_cases AND doudi.fen_parameter(g.code, '" + place +
                            "', CASE g.code WHEN 'dibao' THEN 'standard_per_person' WHEN 'destitute' THEN "
                            "'destitute_basic' WHEN 'temporary' THEN 'temporary_cap' ELSE 'one_off_cap' END, "
                            "DATE '2026-01-01') IS NULL") == 0,
               place);
  }
  // A county without parameters: nothing can be proposed.
  server.Execute("DELETE FROM doudi.program_parameter WHERE key = 'one_off_cap' AND program = 'medical'");
  const std::string medical = Open(c, "SM-0003", "medical");
  ToVerified(r, medical);
  BOOST_TEST(HasCode(Propose(d, medical, "0", "100"), "amount.no_bound"));
}

// An amount above the cap needs a reason, stays within cap_exception_percent
// of it, and is decided only after a second city decider, never the
// proposer, confirms it.
BOOST_FIXTURE_TEST_CASE(an_amount_above_the_cap_needs_a_second_city_decider, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city),
                d2 = server.AsUser(city2);
  const std::int64_t cap = 108000 * Members("SM-0001");
  const std::string id = Open(c, "SM-0001");
  ToVerified(r, id);
  const std::string above = std::to_string(cap + 1);
  BOOST_TEST(HasCode(Propose(d, id, above, "0"), "amount.over_cap"));
  BOOST_TEST(HasCode(Propose(d, id, std::to_string(cap * 10 + 1), "0", "重病"), "amount.over_limit"));
  BOOST_TEST(Propose(d, id, above, "0", "户主重病住院，一事一议").Ok());
  const std::string proposal = server.Scalar("SELECT max(id) FROM doudi.case_amount_proposal WHERE case_id = " + id);
  ToDecision(r, id);
  const SqlOutcome unconfirmed =
      d.Try("SELECT doudi.case_transition($1, 'approve', $2::int, gen_random_uuid(), '')", {id, Field(id, "version")});
  BOOST_TEST(HasCode(unconfirmed, "amount.unconfirmed"), unconfirmed.message);
  const std::string confirm = "SELECT doudi.case_confirm_amount($1, $2::bigint, '同意', gen_random_uuid())";
  const SqlOutcome own = d.Try(confirm, {id, proposal});
  BOOST_TEST(own.sqlState == kDenied);
  BOOST_TEST(HasCode(own, "amount.same_person"), own.message);
  BOOST_TEST(r.TryExecute(confirm, {id, proposal}) == kDenied);  // not a city decider
  BOOST_TEST(HasCode(d2.Try(confirm, {id, "0"}), "amount.no_exception"));
  BOOST_TEST(d2.TryExecute(confirm, {id, proposal}) == "");
  BOOST_TEST(server.Scalar("SELECT confirmed_by FROM doudi.case_amount_confirmation WHERE case_id = " + id) == city2);
  BOOST_TEST(ActBare(d, id, "approve") == "");
  BOOST_TEST(server.Scalar("SELECT monthly_fen FROM doudi.case_benefit WHERE case_id = " + id) == above);
}

// The attack's amount went on through the decision into a payment line. A
// proposal above the caps in force now (written before they existed, or the
// standard lowered since) is not decided without a confirmed exception.
BOOST_FIXTURE_TEST_CASE(a_decision_checks_the_amount_against_the_caps_in_force, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string id = Open(c, "SM-0001", "medical");
  ToVerified(r, id);
  ToDecision(r, id);
  server.Execute(
      "INSERT INTO doudi.case_amount_proposal (case_id, region_code, monthly_fen, one_off_fen, request_id) "
      "SELECT id, region_code, 900000000000000000, 0, gen_random_uuid() FROM doudi.assistance_case "
      "WHERE id = " +
      id);
  const SqlOutcome o =
      d.Try("SELECT doudi.case_transition($1, 'approve', $2::int, gen_random_uuid(), '')", {id, Field(id, "version")});
  BOOST_TEST(HasCode(o, "amount."), "[" << o.sqlState << "] " << o.message);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_benefit WHERE case_id = " + id) == 0);
}

// Finding 15: a request id used for one case and sent again for another
// raised a raw unique violation (23505), or for an amount or an opening
// silently returned as if done. Refused with request.reused.
BOOST_FIXTURE_TEST_CASE(a_request_id_reused_for_another_case_is_refused, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string first = Open(c, "SM-0001"), second = Open(c, "SM-0003");
  const std::string step = dal::NewRequestId(), survey = dal::NewRequestId(), evidence = dal::NewRequestId(),
                    amount = dal::NewRequestId(), opening = dal::NewRequestId();
  BOOST_TEST_REQUIRE(ActBare(r, first, "accept", "", step) == "");
  BOOST_TEST_REQUIRE(Survey(r, first, survey) == "");
  BOOST_TEST_REQUIRE(Evidence(r, first, "income_proof", evidence) == "");
  const std::string temporary = Open(c, "SM-0001", "temporary");
  ToVerified(r, temporary);
  BOOST_TEST_REQUIRE(d.TryExecute("SELECT doudi.case_propose_amount($1, 0, 100000, '{x}', NULL, $2::uuid)",
                                  {temporary, amount}) == "");
  BOOST_TEST_REQUIRE(c.TryExecute("SELECT doudi.case_open($1, 'medical', $2::uuid)", {Household("SM-0001"), opening}) ==
                     "");
  // Each request id sent again for the second case (still applied, version 1).
  std::vector<std::pair<std::string, SqlOutcome>> reuses;
  reuses.emplace_back("transition",
                      r.Try("SELECT doudi.case_transition($1, 'accept', 1, $2::uuid, '')", {second, step}));
  reuses.emplace_back("survey", r.Try("SELECT doudi.case_record_survey($1, '{王调查,李调查}', current_date, '收入低', "
                                      "'', $2::uuid)",
                                      {second, survey}));
  reuses.emplace_back("evidence", r.Try("SELECT doudi.case_add_evidence($1, 'income_proof', '证明', '', $2::uuid)",
                                        {second, evidence}));
  reuses.emplace_back(
      "amount", d.Try("SELECT doudi.case_propose_amount($1, 0, 100000, '{x}', NULL, $2::uuid)", {second, amount}));
  reuses.emplace_back("open",
                      c.Try("SELECT doudi.case_open($1, 'medical', $2::uuid)", {Household("SM-0003"), opening}));
  reuses.emplace_back("open with a step's id",
                      c.Try("SELECT doudi.case_open($1, 'dibao', $2::uuid)", {Household("SM-0001"), step}));
  for (const auto& [what, o] : reuses) {
    BOOST_TEST_CONTEXT(what) {
      BOOST_TEST(o.sqlState == test::kBadCall, "[" << o.sqlState << "] " << o.message);
      BOOST_TEST(HasCode(o, "request.reused"), o.message);
    }
  }
  BOOST_TEST(Field(second, "version") == "1");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_survey WHERE case_id = " + second) == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_evidence WHERE case_id = " + second) == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.assistance_case WHERE household_id = " + Household("SM-0003") +
                          " AND program = 'medical'") == 0);
}

// Finding 17: a retry that races its own original (two connections, one
// request id) was told the case changed meanwhile (40001) or met a raw
// unique violation (23505). It now waits for the original and gets its result.
BOOST_FIXTURE_TEST_CASE(a_retry_racing_its_original_gets_its_own_result, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), r2 = server.AsUser(reviewer),
                d = server.AsUser(city), d2 = server.AsUser(city);
  const std::string id = Open(c, "SM-0001", "temporary");
  const auto check = [](const std::string& what, const SqlOutcome& o) {
    BOOST_TEST(o.Ok(), what << ": [" << o.sqlState << "] " << o.message);
  };
  const std::string accept = dal::NewRequestId();
  const SqlOutcome accepted =
      RaceSql(r, r2, "SELECT doudi.case_transition($1, 'accept', 1, $2::uuid, '')", {id, accept});
  check("transition", accepted);
  BOOST_TEST(Field(id, "version") == "2");
  BOOST_TEST(r2.Scalar("SELECT doudi.case_transition($1, 'accept', 1, $2::uuid, '')", {id, accept}) == "2");
  const std::string survey = dal::NewRequestId();
  check("survey",
        RaceSql(r, r2, "SELECT doudi.case_record_survey($1, '{王调查,李调查}', current_date, '收入低', '', $2::uuid)",
                {id, survey}));
  const std::string evidence = dal::NewRequestId();
  check("evidence",
        RaceSql(r, r2, "SELECT doudi.case_add_evidence($1, 'income_proof', '证明', '', $2::uuid)", {id, evidence}));
  BOOST_TEST_REQUIRE(ActBare(r, id, "survey") == "");
  BOOST_TEST_REQUIRE(Evidence(r, id, "verification_report", dal::NewRequestId()) == "");
  BOOST_TEST_REQUIRE(ActBare(r, id, "verify") == "");
  const std::string amount = dal::NewRequestId();
  check("amount",
        RaceSql(d, d2, "SELECT doudi.case_propose_amount($1, 0, 100000, '{x}', NULL, $2::uuid)", {id, amount}));
  const std::string opening = dal::NewRequestId();
  const Session c2 = server.AsUser(clerk);
  check("open", RaceSql(c, c2, "SELECT doudi.case_open($1, 'medical', $2::uuid)", {Household("SM-0001"), opening}));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_survey WHERE case_id = " + id) == 1);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_evidence WHERE case_id = " + id) == 2);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_amount_proposal WHERE case_id = " + id) == 1);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.assistance_case WHERE program = 'medical'") == 1);
}

// The same through the data layer: the workstation's retry of a step whose
// reply was lost, racing the original, gets the original's result.
BOOST_FIXTURE_TEST_CASE(a_data_layer_retry_racing_its_original_gets_its_own_result, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  dal::pg::PgDatabase reviewerDb(server.ConnectionStringFor(reviewer));
  // The data layer's connection: the reviewer's other than r's.
  const std::string pid = server.Scalar("SELECT pid FROM pg_stat_activity WHERE usename = '" + reviewer +
                                        "' AND pid <> " + r.Scalar("SELECT pg_backend_pid()"));
  const std::string id = Open(c, "SM-0001");
  const std::int64_t caseId = std::stoll(id);
  const std::string accept = dal::NewRequestId();
  const auto version = Race<std::pair<std::int32_t, std::string>>(
      r, [&] { BOOST_TEST_REQUIRE(ActBare(r, id, "accept", "", accept) == ""); },
      [&]() -> std::pair<std::int32_t, std::string> {
        try {
          return {reviewerDb.Cases().Transition(caseId, "accept", 1, "", accept), ""};
        } catch (const dal::DatabaseError& e) {
          return {0, e.what()};
        }
      },
      pid);
  BOOST_TEST(version.first == 2, version.second);
  const std::string evidence = dal::NewRequestId();
  const auto added = Race<std::string>(
      r, [&] { BOOST_TEST_REQUIRE(Evidence(r, id, "income_proof", evidence) == ""); },
      [&]() -> std::string {
        try {
          reviewerDb.Cases().AddEvidence(caseId, {"income_proof", "证明", "", "", ""}, evidence);
          return "";
        } catch (const dal::DatabaseError& e) {
          return e.what();
        }
      },
      pid);
  BOOST_TEST(added == "");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_evidence WHERE case_id = " + id) == 1);
}

// Through the data layer: the reason goes with the proposal, a second city
// decider confirms it, and the case reads both back.
BOOST_FIXTURE_TEST_CASE(the_data_layer_proposes_and_confirms_an_amount_above_the_cap, CaseHoles) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  const std::string id = Open(c, "SM-0001");
  ToVerified(r, id);
  const std::int64_t caseId = std::stoll(id);
  dal::pg::PgDatabase first(server.ConnectionStringFor(city)), second(server.ConnectionStringFor(city2));
  const auto refusal = [](const std::function<void()>& call) -> std::string {
    try {
      call();
    } catch (const dal::DatabaseError& e) {
      return e.what();
    }
    return "";
  };
  dal::AmountProposal proposal;
  proposal.monthly = model::Money::FromFen(108000 * Members("SM-0001") + 100);
  proposal.working = {"手工填写"};
  const std::string noReason = refusal([&] { first.Cases().ProposeAmount(caseId, proposal, dal::NewRequestId()); });
  BOOST_TEST(noReason.find("doudi:amount.over_cap") != std::string::npos, noReason);
  proposal.overCapReason = "户主重病住院，一事一议";
  first.Cases().ProposeAmount(caseId, proposal, dal::NewRequestId());
  auto record = second.Cases().Load(caseId);
  BOOST_TEST_REQUIRE(record->proposal.has_value());
  const std::int64_t proposalId = record->proposal->id;
  BOOST_TEST(proposalId > 0);
  BOOST_TEST(record->proposal->monthly.Fen() == proposal.monthly.Fen());
  BOOST_TEST(record->proposal->overCapReason == proposal.overCapReason);
  BOOST_TEST(record->proposal->confirmedBy == "");
  const std::string own = refusal([&] { first.Cases().ConfirmAmount(caseId, proposalId, "", dal::NewRequestId()); });
  BOOST_TEST(own.find("doudi:amount.same_person") != std::string::npos, own);
  const std::string request = dal::NewRequestId();
  second.Cases().ConfirmAmount(caseId, proposalId, "同意", request);
  second.Cases().ConfirmAmount(caseId, proposalId, "同意", request);  // a retry: applied once
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_amount_confirmation") == 1);
  record = first.Cases().Load(caseId);
  BOOST_TEST(record->proposal->confirmedBy == city2);
  // Within the caps there is no exception to confirm.
  proposal.monthly = model::Money::FromFen(50000);
  proposal.overCapReason.clear();
  first.Cases().ProposeAmount(caseId, proposal, dal::NewRequestId());
  record = first.Cases().Load(caseId);
  BOOST_TEST(record->proposal->overCapReason == "");
  const std::string nothing =
      refusal([&] { second.Cases().ConfirmAmount(caseId, record->proposal->id, "", dal::NewRequestId()); });
  BOOST_TEST(nothing.find("doudi:amount.no_exception") != std::string::npos, nothing);
}

BOOST_AUTO_TEST_SUITE_END()
