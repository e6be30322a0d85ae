// The matching panel's work without a window: what LoadMatching asks the
// repositories and hands the rules, and 一件事 — the chosen programs opened
// one request id each, a refusal of one not stopping the others, and a
// retry after a lost reply opening nothing twice. The repositories are fakes.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "doudi/dal/errors.h"
#include "doudi/dal/household_spending.h"
#include "doudi/dal/program_parameters.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/resident_id.h"
#include "doudi/workstation/household_matching.h"

using namespace doudi;
using namespace doudi::workstation;

namespace {

constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{15}};

model::Household Household() {
  model::Household h;
  h.id = 7;
  h.regionCode = "331022001201";
  model::Person head;
  head.name = "王大";
  head.relation = model::Relation::Head;
  const std::string first17 = "33102219500101001";
  head.idNumber = first17 + model::ResidentIdCheckCharacter(first17);  // 76 today
  h.members.push_back(head);
  return h;
}

class FakeRegistry : public dal::RegistryRepository {
 public:
  std::optional<model::Household> stored = Household();
  std::optional<model::Household> LoadHousehold(std::int64_t id) override {
    return stored && stored->id == id ? stored : std::nullopt;
  }
  std::int64_t CreateHousehold(const model::Household&, const std::string&) override {
    throw std::logic_error("not asked");
  }
  std::int32_t SaveHousehold(const model::Household&, const std::string&) override {
    throw std::logic_error("not asked");
  }
  std::vector<std::uint8_t> CardPhoto(std::int64_t) override { throw std::logic_error("not asked"); }
};

// Parameters by (program, key), answering for any region; records the regions and days asked.
class FakeParameters : public dal::ProgramParameters {
 public:
  std::map<std::string, std::string> values{{"dibao.standard_per_person", "108000"},
                                            {"near_dibao.near_dibao_multiplier", "150"},
                                            {"destitute.incapacity_age_from", "60"},
                                            {"destitute.incapacity_age_below", "16"}};
  std::set<std::string> regionsAsked;
  std::set<std::string> keysAsked;
  std::vector<dal::ProgramInfo> Programs() override { return {}; }
  std::vector<dal::ProgramParameter> List(const std::string&, const std::string&) override { return {}; }
  std::optional<dal::ProgramParameter> Effective(const std::string& program, const std::string& region,
                                                 const std::string& key, std::chrono::year_month_day on) override {
    regionsAsked.insert(region);
    BOOST_TEST((on == kToday));
    keysAsked.insert(program + "." + key);
    const auto it = values.find(program + "." + key);
    if (it == values.end()) return std::nullopt;
    dal::ProgramParameter row;
    row.program = program;
    row.key = key;
    row.value = it->second;
    return row;
  }
  void Add(const dal::ProgramParameter&) override { throw std::logic_error("not asked"); }
};

// Spending as the test sets it; records the day asked.
class FakeSpending : public dal::SpendingRecords {
 public:
  dal::EssentialSpending answer;
  dal::EssentialSpending Last12Months(std::int64_t householdId, std::chrono::year_month_day today) override {
    BOOST_TEST(householdId == 7);
    BOOST_TEST((today == kToday));
    return answer;
  }
};

// Opens cases like doudi.case_open: a request id applied once (its retry
// returns the same case), one open case per household and program.
class FakeCases : public dal::CaseRepository {
 public:
  std::vector<dal::CaseSummary> cases;
  std::map<std::string, std::int64_t> byRequest;
  std::set<std::string> refuse;         // programs refused as already open
  std::set<std::string> loseReplyOnce;  // programs whose first reply is lost after the case is made
  int opens = 0;

  std::vector<dal::CaseSummary> HouseholdCases(std::int64_t) override { return cases; }
  std::int64_t Open(const dal::NewCase& application, const std::string& requestId) override {
    ++opens;
    if (const auto it = byRequest.find(requestId); it != byRequest.end()) return it->second;
    if (refuse.count(application.program) != 0) {
      throw dal::RuleRefused("case_open", "RD000", dal::Refusal{"case.already_open", {}, {}});
    }
    dal::CaseSummary c;
    c.id = 100 + static_cast<std::int64_t>(cases.size());
    c.householdId = application.householdId;
    c.program = application.program;
    c.personId = application.personId;
    c.state = "applied";
    cases.push_back(c);
    byRequest[requestId] = c.id;
    if (loseReplyOnce.erase(application.program) != 0) throw dal::ConnectionError("case_open: server closed");
    return c.id;
  }
  int CasesOf(const std::string& program) const {
    return static_cast<int>(std::count_if(cases.begin(), cases.end(), [&](auto& c) { return c.program == program; }));
  }

  std::vector<dal::CaseSummary> MyTasks(int) override { return {}; }
  std::optional<dal::CaseRecord> Load(std::int64_t) override { return std::nullopt; }
  std::vector<dal::CaseFound> Search(const dal::CaseQuery&) override { return {}; }
  std::vector<dal::CaseMember> HouseholdMembers(std::int64_t) override { return {}; }
  std::vector<dal::TimelineEntry> HouseholdTimeline(std::int64_t) override { return {}; }
  std::vector<model::ProgramExclusion> ProgramExclusions() override {
    return {{"destitute", "dibao", "特困人员已由特困供养保障基本生活，不再纳入低保"}};
  }
  std::int32_t Transition(std::int64_t, const std::string&, std::int32_t, const std::string&,
                          const std::string&) override {
    return 0;
  }
  void RecordSurvey(std::int64_t, const dal::CaseSurvey&, const std::string&) override {}
  std::int64_t AddEvidence(std::int64_t, const dal::CaseEvidence&, const std::string&) override { return 0; }
  std::int64_t AddEvidenceWithFile(std::int64_t, const dal::CaseEvidence&, const dal::NewAttachment&,
                                   const std::string&) override {
    return 0;
  }
  std::vector<dal::MissingRequirement> MissingRequirements(std::int64_t) override { return {}; }
  void ProposeAmount(std::int64_t, const dal::AmountProposal&, const std::string&) override {}
  void ConfirmAmount(std::int64_t, std::int64_t, const std::string&, const std::string&) override {}
  void ExtendLimit(std::int64_t, const std::string&, const std::string&) override {}
  std::vector<dal::CharityFund> Funds(const std::string&) override { return {}; }
  void AddFund(const dal::CharityFund&) override {}
  std::vector<dal::NoticeEntry> PublicNotices(const std::string&) override { return {}; }
  int GeneratePayments(const std::string&) override { return 0; }
  std::vector<dal::RosterLine> PaymentRoster(const std::string&, const std::string&) override { return {}; }
  std::vector<dal::StatisticsRow> PaymentStatistics(const std::string&, const std::string&, std::size_t) override {
    return {};
  }
};

const model::MatchItem& Item(const HouseholdMatching& m, const std::string& code) {
  const auto it = std::find_if(m.items.begin(), m.items.end(), [&](auto& i) { return i.code == code; });
  BOOST_TEST_REQUIRE((it != m.items.end()));
  return *it;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(household_matching)

BOOST_AUTO_TEST_CASE(loads_the_household_its_cases_and_the_parameters_in_force_there) {
  FakeRegistry registry;
  FakeCases cases;
  FakeParameters parameters;
  dal::CaseSummary paid;
  paid.id = 5;
  paid.program = "temporary";
  paid.state = "in_payment";
  cases.cases.push_back(paid);
  FakeSpending spending;
  spending.answer.medicalSelfPaid = model::Money::FromFen(2351240);
  const MatchingSources sources{registry, cases, parameters, spending};
  const auto matching = LoadMatching(sources, 7, kToday);
  BOOST_TEST_REQUIRE(matching.has_value());
  BOOST_TEST(parameters.regionsAsked == std::set<std::string>{"331022001201"});
  for (const auto& key : model::MatchingParameterKeys()) {
    BOOST_TEST(parameters.keysAsked.count(model::ParameterName(key)) == 1U, model::ParameterName(key));
  }
  BOOST_TEST(matching->household.members.size() == 1U);
  BOOST_TEST(matching->items.size() == model::MatchItems().size());
  // 76 years old, alone, no income: 特困 on the parameters found.
  BOOST_TEST((Item(*matching, "destitute").verdict == model::MatchVerdict::Qualifies));
  BOOST_TEST((Item(*matching, "temporary").verdict == model::MatchVerdict::AlreadyReceives));
  BOOST_TEST(Item(*matching, "temporary").caseId == 5);
  // The spending reaches the rules: 医疗救助 shows it.
  const auto& medical = Item(*matching, "medical");
  BOOST_TEST((medical.verdict == model::MatchVerdict::Qualifies));
  BOOST_TEST(medical.reasons.back() == "medical_spending_in_support_group");
  BOOST_TEST(std::any_of(medical.figures.begin(), medical.figures.end(),
                         [](const auto& f) { return f.code == "medical_self_paid" && f.value == 2351240; }));

  registry.stored.reset();
  BOOST_TEST(!LoadMatching(sources, 7, kToday).has_value());
}

BOOST_AUTO_TEST_CASE(opens_each_chosen_program_once_with_its_own_request_id) {
  FakeCases cases;
  ApplicationBatch batch(7);
  BOOST_TEST(batch.Empty());
  batch.Choose("dibao", true);
  batch.Choose("medical", true);
  batch.Choose("education", true);
  batch.Choose("education", false);
  const auto pending = batch.Pending();
  BOOST_TEST_REQUIRE(pending.size() == 2U);
  BOOST_TEST(pending[0].key.program == "dibao");
  BOOST_TEST(pending[1].key.program == "medical");
  BOOST_TEST(pending[0].requestId != pending[1].requestId);
  BOOST_TEST((batch.Pending() == pending));  // kept while chosen

  batch.Record(OpenApplications(cases, batch.HouseholdId(), pending));
  BOOST_TEST(batch.Empty());
  BOOST_TEST(batch.Opened().at({"dibao", 0}) == 100);
  BOOST_TEST(batch.Opened().at({"medical", 0}) == 101);
  BOOST_TEST(cases.cases.size() == 2U);
  BOOST_TEST(cases.cases[0].householdId == 7);
}

BOOST_AUTO_TEST_CASE(a_refusal_does_not_stop_the_others_and_a_lost_reply_opens_nothing_twice) {
  FakeCases cases;
  cases.refuse = {"medical"};
  cases.loseReplyOnce = {"housing"};
  ApplicationBatch batch(7);
  for (const auto* program : {"dibao", "medical", "housing"}) batch.Choose(program, true);
  const auto first = batch.Pending();
  const auto outcomes = OpenApplications(cases, 7, first);
  BOOST_TEST_REQUIRE(outcomes.size() == 3U);
  BOOST_TEST(outcomes[0].caseId.has_value());
  BOOST_TEST(!outcomes[1].caseId.has_value());
  BOOST_TEST(!outcomes[1].connectionLost);
  try {
    std::rethrow_exception(outcomes[1].error);
  } catch (const dal::RuleRefused& refused) {
    BOOST_TEST(refused.Code() == "case.already_open");
  }
  BOOST_TEST(!outcomes[2].caseId.has_value());
  BOOST_TEST(outcomes[2].connectionLost);
  batch.Record(outcomes);

  // The refused one is still chosen under a new request id; the lost one keeps its id.
  const auto second = batch.Pending();
  BOOST_TEST_REQUIRE(second.size() == 2U);
  BOOST_TEST(second[0].key.program == "medical");
  BOOST_TEST(second[0].requestId != first[1].requestId);
  BOOST_TEST(second[1].key.program == "housing");
  BOOST_TEST(second[1].requestId == first[2].requestId);

  cases.refuse.clear();
  batch.Record(OpenApplications(cases, 7, second));
  BOOST_TEST(batch.Empty());
  BOOST_TEST(cases.CasesOf("housing") == 1);  // the retry found the case its lost reply had made
  BOOST_TEST(cases.CasesOf("medical") == 1);
  BOOST_TEST(batch.Opened().size() == 3U);
  BOOST_TEST(batch.Opened().at({"housing", 0}) == cases.cases[1].id);

  // Dropped and chosen again: a new application.
  batch.Choose("charity", true);
  const auto id = batch.Pending().at(0).requestId;
  batch.Choose("charity", false);
  batch.Choose("charity", true);
  BOOST_TEST(batch.Pending().at(0).requestId != id);
}

// 特困 is one application per member it names, each with its own request id
// and case; chosen again with other members (after a reload), those still
// named keep their ids.
BOOST_AUTO_TEST_CASE(a_per_person_program_is_one_application_per_member) {
  FakeCases cases;
  cases.loseReplyOnce = {"destitute"};
  ApplicationBatch batch(7);
  batch.Choose("medical", true);
  batch.Choose("destitute", true, {11, 12});
  const auto first = batch.Pending();
  BOOST_TEST_REQUIRE(first.size() == 3U);
  BOOST_TEST((first[1].key == ApplicationKey{"destitute", 11}));
  BOOST_TEST((first[2].key == ApplicationKey{"destitute", 12}));
  BOOST_TEST(first[1].requestId != first[2].requestId);
  batch.Choose("destitute", true, {12, 13});
  const auto again = batch.Pending();
  BOOST_TEST_REQUIRE(again.size() == 3U);
  BOOST_TEST((again[1].key == ApplicationKey{"destitute", 12}));
  BOOST_TEST(again[1].requestId == first[2].requestId);
  BOOST_TEST((again[2].key == ApplicationKey{"destitute", 13}));
  BOOST_TEST(again[2].requestId != first[1].requestId);

  // The first 特困 application's reply is lost: it alone goes again, with its id.
  batch.Record(OpenApplications(cases, 7, again));
  const auto retry = batch.Pending();
  BOOST_TEST_REQUIRE(retry.size() == 1U);
  BOOST_TEST((retry[0] == again[1]));
  batch.Record(OpenApplications(cases, 7, retry));
  BOOST_TEST(batch.Empty());
  BOOST_TEST(cases.CasesOf("destitute") == 2);
  BOOST_TEST(batch.Opened().size() == 3U);
  const std::int64_t forTwelve = batch.Opened().at({"destitute", 12});
  const std::int64_t forThirteen = batch.Opened().at({"destitute", 13});
  for (const auto& c : cases.cases) {
    if (c.id == forTwelve) BOOST_TEST(c.personId == 12);
    if (c.id == forThirteen) BOOST_TEST(c.personId == 13);
  }
  BOOST_TEST(forTwelve != forThirteen);

  // Dropping the program drops every member's application.
  batch.Choose("destitute", true, {14, 15});
  batch.Choose("destitute", false);
  BOOST_TEST(batch.Empty());
  BOOST_TEST(!batch.IsChosen("destitute"));
}

BOOST_AUTO_TEST_SUITE_END()
