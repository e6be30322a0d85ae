// doudi-admin document and roster as a process against a real database: a
// 低保 case taken from application to payment through the database's case
// functions as the superuser, then its approval form, decision and the
// month's rosters read back with pdftotext, as a manager or finance officer
// would read them: the applicant's name and the amount are there, and no
// full ID number or bank account is.
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/household.h"
#include "doudi/model/masking.h"
#include "doudi/model/resident_id.h"
#include "process.h"
#include "test_database.h"

using doudi::test::TestDatabase;

namespace {

using Result = doudi::test::ProcessResult;

Result Launch(const std::string& exe, const std::vector<std::string>& args) {
  return doudi::test::RunProcess(exe, args);
}

// A valid resident ID of a person born on the date (the check digit computed).
std::string ResidentId(const std::string& region, const std::string& birth, const std::string& sequence) {
  const std::string first17 = region + birth + sequence;
  return first17 + doudi::model::ResidentIdCheckCharacter(first17);
}

const std::string kHeadId = ResidentId("331022", "19710412", "031");
const std::string kSpouseId = ResidentId("331022", "19740903", "042");
const std::string kAccount = "6217230912345678901";

// A migrated database with the demo regions, one household in 悬渚村
// (331022001201) and its 低保 case approved at 1,234.00 yuan a month and in
// payment; the payment lines of the month after today written.
struct CaseDatabase {
  TestDatabase server;
  doudi::test::Session sql = server.AsSuperuser();
  std::string reviewer;
  std::string decider;
  std::int64_t householdId = 0;
  std::int64_t caseId = 0;
  std::string month;  // the first month paid, YYYY-MM
  std::filesystem::path dir;

  CaseDatabase() {
    BOOST_REQUIRE_EQUAL(Run({"db", "migrate"}).exitCode, 0);
    doudi::dal::pg::PgDatabase db(server.ConnectionString());
    db.UpsertRegions(doudi::admin::DemoRegions());

    doudi::model::Household household;
    household.regionCode = "331022001201";
    household.address = "三门县海游街道悬渚村前洋路18号";
    household.phone = "0576-83312345";
    household.bankName = "三门农村商业银行海游支行";
    household.bankAccount = kAccount;
    doudi::model::Person head;
    head.name = "章海明";
    head.idNumber = kHeadId;
    head.relation = doudi::model::Relation::Head;
    head.workAbility = doudi::model::WorkAbility::None;
    head.illnesses = {"尿毒症"};
    doudi::model::Person spouse;
    spouse.name = "叶秀芬";
    spouse.idNumber = kSpouseId;
    spouse.relation = doudi::model::Relation::Spouse;
    household.members = {head, spouse};
    doudi::model::IncomeItem wage;
    wage.kind = doudi::model::IncomeKind::Wage;
    wage.monthly = doudi::model::Money::FromFen(126000);
    wage.memberIdNumber = kSpouseId;
    wage.note = "超市理货员";
    household.incomes = {wage};
    householdId = db.Registry().CreateHousehold(household, doudi::dal::NewRequestId());

    reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
    decider = server.CreateUser("decider", "city_decider", "331022");
    caseId = Decide("dibao", "approve", "");
    Take(caseId, "notify", "");
    Take(caseId, "start_payment", "");
    month = server.Scalar("SELECT to_char(current_date + interval '1 month', 'YYYY-MM')");
    const Result generated = Run({"payments", "generate", "--month", month});
    BOOST_REQUIRE_MESSAGE(generated.exitCode == 0, generated.err);

    dir = std::filesystem::temp_directory_path() / ("doudi-documents-" + server.Name());
    std::filesystem::create_directories(dir);
  }
  ~CaseDatabase() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }

  std::string Id() const { return std::to_string(caseId); }

  // Opens a case of the household for program and takes it to the county's
  // decision (approve or refuse, with opinion). The superuser takes every
  // step, recorded for the role of its level (doudi.act_as): one person may
  // not act at two levels of a case.
  // person: the member a per-person program (特困) is for, "" for none.
  std::int64_t Decide(const std::string& program, const std::string& decision, const std::string& opinion,
                      const std::string& person = "") const {
    const auto id = AwaitingDecision(program, person);
    As(decider);
    if (decision == "approve") {
      sql.Execute(
          "SELECT doudi.case_propose_amount($1::bigint, 123400, 0, ARRAY['保障标准1,080.00元×2人 − "
          "家庭月收入1,260.00元 = 900.00元','按规定取整'], NULL, gen_random_uuid())",
          {std::to_string(id)});
    }
    Take(id, decision, opinion);
    return id;
  }

  // Opens a case of the household for program and takes it through the
  // township's steps and the notice to the county's decision.
  std::int64_t AwaitingDecision(const std::string& program, const std::string& person = "") const {
    const auto id = std::stoll(
        sql.Scalar("SELECT doudi.case_open($1::bigint, $2, gen_random_uuid(), false, '', NULLIF($3, '')::bigint)",
                   {std::to_string(householdId), program, person}));
    const std::string text = std::to_string(id);
    As(reviewer);
    // The family's signed authorization (a file the database takes as a PDF by its first bytes).
    sql.Execute(
        "SELECT doudi.attachment_add('case', $1::bigint, 'authorization', '核对授权书.pdf', "
        "convert_to('%PDF-1.4 signed', 'UTF8'), '', NULL, gen_random_uuid())",
        {text});
    Take(id, "accept", "");
    sql.Execute(
        "SELECT doudi.case_record_survey($1::bigint, ARRAY['林晓东','王丽'], current_date, "
        "'住房情况：自有砖混房两间' || chr(10) || '家庭收入：配偶务工', '章海明、叶秀芬', gen_random_uuid())",
        {text});
    Take(id, "survey", "");
    sql.Execute(
        "SELECT doudi.attachment_add('evidence', doudi.case_add_evidence($1::bigint, 'verification_report', "
        "'家庭经济状况核对报告', '', gen_random_uuid()), 'other', '核对报告.pdf', convert_to('%PDF-1.4 report', "
        "'UTF8'), "
        "'', NULL, gen_random_uuid())",
        {text});
    Take(id, "verify", "");
    Take(id, "review", "经入户调查和家庭经济状况核对，情况属实，同意上报。");
    Take(id, "publish", "");
    sql.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = $1::bigint", {text});
    Take(id, "close_notice", "");
    return id;
  }

  void As(const std::string& role) const { sql.Execute("SELECT set_config('doudi.act_as', $1, false)", {role}); }

  void Take(std::int64_t id, const std::string& action, const std::string& opinion) const {
    sql.Execute(
        "SELECT doudi.case_transition($1::bigint, $2, (SELECT version FROM doudi.assistance_case WHERE id = "
        "$1::bigint), gen_random_uuid(), $3)",
        {std::to_string(id), action, opinion});
  }

  Result Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--lang", "en", "--db", server.ConnectionString()});
    return Launch(DOUDI_ADMIN_EXE, args);
  }
  // doudi-admin as a desk user.
  Result RunAs(const std::string& role, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", server.ConnectionStringFor(role)});
    return Launch(DOUDI_ADMIN_EXE, args);
  }

  std::string File(const std::string& name) const { return (dir / name).string(); }
};

std::string PdfText(const std::string& pdf) {
  const Result r = Launch("/usr/bin/pdftotext", {"-layout", pdf, "-"});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  std::string squeezed;
  for (const char c : r.out) {
    if (c != ' ' && c != '\n' && c != '\f') squeezed += c;
  }
  return squeezed;
}

std::string ReadFile(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A full ID number (17 digits and a digit or X) or bank account (12 or more
// digits in a row) anywhere in text: the first one found, "" for none.
std::string FullNumberIn(const std::string& text) {
  static const std::regex kNumber("[0-9]{17}[0-9X]|[0-9]{12,}");
  std::smatch match;
  return std::regex_search(text, match, kNumber) ? match.str() : std::string();
}

void RequireNothingFull(const std::string& text) {
  const std::string full = FullNumberIn(text);
  BOOST_TEST(full.empty(), "a full number: " << full);
  BOOST_TEST(text.find(kHeadId) == std::string::npos);
  BOOST_TEST(text.find(kSpouseId) == std::string::npos);
  BOOST_TEST(text.find(kAccount) == std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_cli)

BOOST_AUTO_TEST_CASE(approval_form_and_decision_of_a_case) {
  CaseDatabase db;
  const auto pdf = db.File("approval.pdf");
  const Result r = db.Run({"document", "approval-form", "--case", db.Id(), "--format", "pdf", "-o", pdf});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.find("三民审〔") != std::string::npos, r.out);
  const std::string text = PdfText(pdf);
  for (const std::string wanted :
       {"最低生活保障审批表", "章海明", "叶秀芬", "1,234.00", "三门县民政局", "三门县海游街道悬渚村",
        "经入户调查和家庭经济状况核对，情况属实，同意上报。", "331022********", "****8901"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the approval form lacks " << wanted);
  }
  RequireNothingFull(text);

  const auto decision = db.File("decision.pdf");
  const Result d = db.Run({"document", "decision", "--case", db.Id(), "--format", "pdf", "-o", decision});
  BOOST_REQUIRE_MESSAGE(d.exitCode == 0, d.err);
  const std::string decided = PdfText(decision);
  BOOST_TEST(decided.find("章海明") != std::string::npos);
  BOOST_TEST(decided.find("1,234.00") != std::string::npos);
  BOOST_TEST(decided.find("三门县人民政府") != std::string::npos);
  RequireNothingFull(decided);

  const auto html = db.File("survey.html");
  const Result s = db.Run({"document", "survey-form", "--case", db.Id(), "--format", "html", "-o", html});
  BOOST_REQUIRE_MESSAGE(s.exitCode == 0, s.err);
  const std::string survey = ReadFile(html);
  BOOST_TEST(survey.find("林晓东") != std::string::npos);
  BOOST_TEST(survey.find("自有砖混房两间") != std::string::npos);
  RequireNothingFull(survey);
}

BOOST_AUTO_TEST_CASE(an_approved_case_has_no_refusal_and_bad_input_names_the_option) {
  CaseDatabase db;
  const auto out = db.File("x.pdf");
  const Result refusal = db.Run({"document", "refusal", "--case", db.Id(), "--format", "pdf", "-o", out});
  BOOST_TEST(refusal.exitCode == 2);
  BOOST_TEST(refusal.err.find("was approved") != std::string::npos, refusal.err);
  BOOST_TEST(!std::filesystem::exists(out));

  const Result format = db.Run({"document", "approval-form", "--case", db.Id(), "--format", "docx", "-o", out});
  BOOST_TEST(format.exitCode == 2);
  BOOST_TEST(format.err.find("--format") != std::string::npos, format.err);
  const Result kind = db.Run({"document", "letter", "--case", db.Id(), "--format", "pdf", "-o", out});
  BOOST_TEST(kind.exitCode == 2);
  BOOST_TEST(kind.err.find("KIND") != std::string::npos, kind.err);
  const Result caseId = db.Run({"document", "decision", "--case", "abc", "--format", "pdf", "-o", out});
  BOOST_TEST(caseId.exitCode == 2);
  BOOST_TEST(caseId.err.find("--case") != std::string::npos, caseId.err);
  const Result region = db.Run({"roster", "--month", db.month, "--region", "3310", "--format", "pdf", "-o", out});
  BOOST_TEST(region.exitCode == 2);
  BOOST_TEST(region.err.find("--region") != std::string::npos, region.err);
  const Result month = db.Run({"roster", "--month", "2026-13", "--region", "331022", "--format", "pdf", "-o", out});
  BOOST_TEST(month.exitCode == 2);
  BOOST_TEST(month.err.find("--month") != std::string::npos, month.err);
  const Result rosterKind =
      db.Run({"roster", "--kind", "bank", "--month", db.month, "--region", "331022", "--format", "pdf", "-o", out});
  BOOST_TEST(rosterKind.exitCode == 2);
  BOOST_TEST(rosterKind.err.find("--kind") != std::string::npos, rosterKind.err);

  // A case not decided yet has neither a decision nor a refusal.
  const std::string open = std::to_string(db.server.Count("SELECT doudi.case_open(" + std::to_string(db.householdId) +
                                                          ", 'temporary', gen_random_uuid())"));
  const Result undecided = db.Run({"document", "decision", "--case", open, "--format", "pdf", "-o", out});
  BOOST_TEST(undecided.exitCode == 2);
  BOOST_TEST(undecided.err.find("not decided") != std::string::npos, undecided.err);
}

BOOST_AUTO_TEST_CASE(refusal_notice_of_a_refused_case) {
  CaseDatabase db;
  const auto refused =
      // temporary: the household is on 低保 already, which excludes 低保边缘 (doudi.program_exclusion)
      std::to_string(db.Decide("temporary", "refuse", "家庭无突发性、紧迫性生活困难；家庭拥有机动车辆一辆"));
  const auto pdf = db.File("refusal.pdf");
  const Result r = db.Run({"document", "refusal", "--case", refused, "--format", "pdf", "-o", pdf});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  const std::string text = PdfText(pdf);
  for (const std::string wanted : {"不予批准", "章海明", "家庭无突发性、紧迫性生活困难", "家庭拥有机动车辆一辆",
                                   "三门县人民政府", "60日", "三门县人民法院"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the refusal lacks " << wanted);
  }
  RequireNothingFull(text);
  const Result decision = db.Run({"document", "decision", "--case", refused, "--format", "pdf", "-o", pdf});
  BOOST_TEST(decision.exitCode == 2);
  BOOST_TEST(decision.err.find("was refused") != std::string::npos, decision.err);
}

// A per-person case (特困) is its person's: the decision is addressed to
// the spouse it was opened for, not the household's head, with her masked
// ID, and supports one person; after she left the household (the letter
// reprinted) it is still hers, with the masked ID the case record carries.
BOOST_AUTO_TEST_CASE(a_per_person_decision_is_addressed_to_its_person) {
  CaseDatabase db;
  // 特困 and 低保 are not received together: the household's 低保 ends first.
  db.As(db.reviewer);
  db.Take(db.caseId, "review_periodic", "");
  db.As(db.decider);
  db.Take(db.caseId, "terminate", "户主经治疗后恢复劳动能力");
  const std::string spouse = db.sql.Scalar("SELECT id::text FROM doudi.person WHERE name = '叶秀芬'");
  const auto id = std::to_string(db.Decide("destitute", "approve", "", spouse));
  const std::string spouseMasked = doudi::model::MaskedIdNumber(kSpouseId);
  const std::string headMasked = doudi::model::MaskedIdNumber(kHeadId);
  BOOST_TEST_REQUIRE(spouseMasked != headMasked);
  for (const bool left : {false, true}) {
    if (left) db.sql.Execute("UPDATE doudi.person SET left_on = current_date WHERE id = $1::bigint", {spouse});
    const auto pdf = db.File(left ? "decision-left.pdf" : "decision.pdf");
    const Result r = db.Run({"document", "decision", "--case", id, "--format", "pdf", "-o", pdf});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const std::string text = PdfText(pdf);
    BOOST_TEST(text.find("叶秀芬（身份证号：" + spouseMasked + "）") != std::string::npos, text);
    BOOST_TEST(text.find("给予你特困人员救助供养，保障人口1人") != std::string::npos, text);
    BOOST_TEST(text.find("章海明") == std::string::npos, text);
    BOOST_TEST(text.find(headMasked) == std::string::npos, text);
    RequireNothingFull(text);
  }
}

BOOST_AUTO_TEST_CASE(payment_roster_as_pdf_and_xlsx) {
  CaseDatabase db;
  const auto pdf = db.File("roster.pdf");
  const Result r = db.Run({"roster", "--month", db.month, "--region", "331022001", "--format", "pdf", "-o", pdf});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  const std::string text = PdfText(pdf);
  for (const std::string wanted :
       {"发放花名册", "章海明", "悬渚村", "1,234.00", "331022********", "****8901", "合计"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the roster lacks " << wanted);
  }
  RequireNothingFull(text);

  const auto xlsx = db.File("roster.xlsx");
  const Result x = db.Run(
      {"roster", "--kind", "payment", "--month", db.month, "--region", "331022001201", "--format", "xlsx", "-o", xlsx});
  BOOST_REQUIRE_MESSAGE(x.exitCode == 0, x.err);
  const Result strings = Launch("/usr/bin/unzip", {"-p", xlsx});
  BOOST_REQUIRE_MESSAGE(strings.exitCode == 0, strings.err);
  BOOST_TEST(strings.out.find("章海明") != std::string::npos);
  BOOST_TEST(strings.out.find("<v>1234</v>") != std::string::npos, "the amount is the number 1234 (yuan)");
  RequireNothingFull(strings.out);

  // No lines in a month nobody was paid: said, not an empty roster.
  const Result empty = db.Run({"roster", "--month", "2001-01", "--region", "331022", "--format", "pdf", "-o", pdf});
  BOOST_TEST(empty.exitCode == 2);
  BOOST_TEST(empty.err.find("payments generate") != std::string::npos, empty.err);
}

// The month's statistics summary of a county: per township and program,
// households, persons and the amount, from the payment lines.
BOOST_AUTO_TEST_CASE(statistics_summary_of_a_county) {
  CaseDatabase db;
  const auto pdf = db.File("statistics.pdf");
  const Result r = db.Run(
      {"roster", "--kind", "statistics", "--month", db.month, "--region", "331022", "--format", "pdf", "-o", pdf});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  const std::string text = PdfText(pdf);
  for (const std::string wanted : {"统计", "海游街道", "最低生活保障", "1,234.00"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the summary lacks " << wanted);
  }
  RequireNothingFull(text);
  BOOST_TEST(text.find("章海明") == std::string::npos);  // counts, no names
}

// The province's summary, one row per prefecture, and a prefecture's, one
// per county, summed by the database; a region above the login's scope is
// refused rather than printed with the scope's rows under its name.
BOOST_AUTO_TEST_CASE(statistics_summary_of_a_province_and_a_prefecture) {
  CaseDatabase db;
  const std::string province = db.server.CreateUser("province", "finance_officer", "33");
  const auto pdf = db.File("province.pdf");
  const Result r = db.RunAs(province, {"roster", "--kind", "statistics", "--month", db.month, "--region", "33",
                                       "--format", "pdf", "-o", pdf});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  std::string text = PdfText(pdf);
  for (const std::string wanted :
       {"浙江省社会救助统计汇总表", "台州市", "最低生活保障", "1,234.00", "浙江省民政厅", "浙民统〔"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the province's summary lacks " << wanted);
  }
  BOOST_TEST(text.find("三门县") == std::string::npos);  // a row per prefecture, not per county
  RequireNothingFull(text);

  const Result city = db.RunAs(province, {"roster", "--kind", "statistics", "--month", db.month, "--region", "3310",
                                          "--format", "pdf", "-o", pdf});
  BOOST_REQUIRE_MESSAGE(city.exitCode == 0, city.err);
  text = PdfText(pdf);
  for (const std::string wanted : {"台州市社会救助统计汇总表", "三门县", "1,234.00", "台州市民政局", "台民统〔"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the prefecture's summary lacks " << wanted);
  }

  // The lists of people stay at a county, township or village.
  const Result payment = db.RunAs(
      province, {"roster", "--kind", "payment", "--month", db.month, "--region", "33", "--format", "pdf", "-o", pdf});
  BOOST_TEST(payment.exitCode == 2);
  BOOST_TEST(payment.err.find("--region") != std::string::npos, payment.err);
  // Above the scope: the county's decider asking for the province.
  const Result above = db.RunAs(db.decider, {"--lang", "en", "roster", "--kind", "statistics", "--month", db.month,
                                             "--region", "33", "--format", "pdf", "-o", pdf});
  BOOST_TEST(above.exitCode == 2);
  BOOST_TEST(above.err.find("--region 33 is not a region in your scope") != std::string::npos, above.err);
}

BOOST_AUTO_TEST_CASE(public_notice_roster_shows_name_size_and_amount_only) {
  CaseDatabase db;
  const std::string thisMonth = db.server.Scalar("SELECT to_char(current_date, 'YYYY-MM')");
  const auto pdf = db.File("notice.pdf");
  const Result r =
      db.Run({"roster", "--kind", "notice", "--month", thisMonth, "--region", "331022", "--format", "pdf", "-o", pdf});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  const std::string text = PdfText(pdf);
  for (const std::string wanted : {"公示名单", "悬渚村", "章海明", "1,234.00"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the notice lacks " << wanted);
  }
  BOOST_TEST(text.find("****") == std::string::npos);
  BOOST_TEST(text.find("叶秀芬") == std::string::npos);
  RequireNothingFull(text);
}

// An amount above its cap (docs/parameters.md, "Caps on amounts") waits for
// a second city decider, who confirms it with doudi-admin; its proposer may not.
BOOST_AUTO_TEST_CASE(a_second_city_decider_confirms_an_amount_above_the_cap) {
  CaseDatabase db;
  const std::string second = db.server.CreateUser("decider2", "city_decider", "331022");
  // One open case per household and program: the household's 低保 case in
  // payment ends first (set directly, the fixture's shortcut).
  db.server.Execute("UPDATE doudi.assistance_case SET state = 'terminated' WHERE id = " + std::to_string(db.caseId));
  const std::string id = std::to_string(db.AwaitingDecision("dibao"));
  db.As(db.decider);
  // 1.00 above the standard × 2 members (三门 1,080.00, 0008).
  db.sql.Execute(
      "SELECT doudi.case_propose_amount($1::bigint, 216001, 0, ARRAY['保障标准1,080.00元×2人 + 1.00元'], "
      "NULL, gen_random_uuid(), '户主尿毒症透析，一事一议')",
      {id});
  const std::string approve =
      "SELECT doudi.case_transition($1::bigint, 'approve', (SELECT version FROM doudi.assistance_case WHERE id = "
      "$1::bigint), gen_random_uuid(), '')";
  BOOST_TEST(db.sql.TryExecute(approve, {id}) == "RD000");  // doudi:amount.unconfirmed
  const Result own = db.RunAs(db.decider, {"case", "confirm-amount", id});
  BOOST_TEST(own.exitCode == 2);
  // In the user's words (Chinese, the default), the stable code beside them.
  BOOST_TEST(own.err.find("超过上限的金额须由另一位市级审批人确认，提议人本人不能确认。 [doudi:amount.same_person]") !=
                 std::string::npos,
             own.err);
  const Result confirmed = db.RunAs(second, {"case", "confirm-amount", id});
  BOOST_REQUIRE_MESSAGE(confirmed.exitCode == 0, confirmed.err);
  BOOST_TEST(confirmed.out.find("2,160.01") != std::string::npos, confirmed.out);
  BOOST_TEST(db.sql.TryExecute(approve, {id}) == "");
  // A case without an amount above its cap has nothing to confirm.
  BOOST_TEST(db.RunAs(second, {"case", "confirm-amount", std::to_string(db.caseId)}).exitCode == 2);
}

// case list: the cases in the caller's scope in Chinese, the applicant's ID
// masked, filtered by name, full ID, program, state, region and period; bad
// input names the option.
BOOST_AUTO_TEST_CASE(case_list_searches_the_scope_with_masked_ids) {
  CaseDatabase db;
  const std::string other = db.server.CreateUser("other", "township_reviewer", "331022101");
  const Result all = db.RunAs(db.reviewer, {"case", "list"});
  BOOST_REQUIRE_MESSAGE(all.exitCode == 0, all.err);
  BOOST_TEST(all.out.find("章海明") != std::string::npos, all.out);
  BOOST_TEST(all.out.find("发放中") != std::string::npos, all.out);  // the state in Chinese
  BOOST_TEST(all.out.find("共找到 1 件案件") != std::string::npos, all.out);
  BOOST_TEST(all.out.find(kHeadId) == std::string::npos, all.out);  // masked
  const Result byId = db.RunAs(db.reviewer, {"case", "list", "--id", kHeadId, "--program", "dibao", "--state",
                                             "in_payment", "--region", "331022001"});
  BOOST_REQUIRE_MESSAGE(byId.exitCode == 0, byId.err);
  BOOST_TEST(byId.out.find("\n" + std::to_string(db.caseId) + "\t") != std::string::npos,
             byId.out);  // after the header
  BOOST_TEST(byId.out.find(kHeadId) == std::string::npos, byId.out);
  BOOST_TEST(
      db.RunAs(db.reviewer, {"case", "list", "--name", "章海", "--to", "2000-01-01"}).out.find("共找到 0 件案件") !=
      std::string::npos);
  BOOST_TEST(db.RunAs(db.reviewer, {"case", "list", "--overdue"}).out.find("共找到 0 件案件") != std::string::npos);
  // Another township's reviewer finds nothing, even by the full ID.
  const Result theirs = db.RunAs(other, {"case", "list", "--id", kHeadId});
  BOOST_REQUIRE_MESSAGE(theirs.exitCode == 0, theirs.err);
  BOOST_TEST(theirs.out.find("章海明") == std::string::npos, theirs.out);
  // Bad input names the option.
  const Result badState = db.RunAs(db.reviewer, {"case", "list", "--state", "paid"});
  BOOST_TEST(badState.exitCode == 2);
  BOOST_TEST(badState.err.find("--state") != std::string::npos, badState.err);
  const Result badDate = db.RunAs(db.reviewer, {"case", "list", "--from", "2026/01/01"});
  BOOST_TEST(badDate.exitCode == 2);
  BOOST_TEST(badDate.err.find("--from") != std::string::npos, badDate.err);
}

BOOST_AUTO_TEST_SUITE_END()
