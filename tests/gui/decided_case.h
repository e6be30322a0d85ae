#pragma once
// What the document tests share (documents_test.cpp, printing_test.cpp): a
// decided 低保 case of the demo registry, and reading the files they write.
#include <wx/bitmap.h>
#include <wx/image.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <string>

#include "doudi/dal/case_repository.h"
#include "doudi/dal/pg/pg_database.h"
#include "gui_harness.h"

namespace doudi::test {

constexpr const char* kVillage = "331022001201";  // 悬渚村
constexpr const char* kTownship = "331022001";    // 海游街道
constexpr const char* kCounty = "331022";         // 三门县


// A command's standard output ("" when it cannot run).
inline std::string Output(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

inline std::string Squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\n' && c != '\f') out += c;
  }
  return out;
}

// Pixels of the bitmap that are not white: the page has ink.
inline double InkShare(const wxBitmap& bitmap) {
  const wxImage image = bitmap.ConvertToImage();
  const unsigned char* rgb = image.GetData();
  const long pixels = static_cast<long>(image.GetWidth()) * image.GetHeight();
  long ink = 0;
  for (long i = 0; i < pixels; ++i, rgb += 3) {
    if (rgb[0] < 200 || rgb[1] < 200 || rgb[2] < 200) ++ink;
  }
  return pixels == 0 ? 0 : static_cast<double>(ink) / static_cast<double>(pixels);
}

// The demo registry with a 低保 case of 悬渚村 taken to its approval and into
// payment through the data layer, each step by the group whose step it is,
// and the payment lines of next month written.
struct DecidedCase {
  test::DeskDatabase db;
  std::string reviewer, city, admin;
  std::int64_t caseId = 0;
  std::string applicant;
  std::string month;  // of the payment lines, YYYY-MM

  DecidedCase() {
    reviewer = db.AddUser("reviewer", "township_reviewer", kTownship, "王审核");
    city = db.AddUser("city", "city_decider", kCounty, "陈市定");
    admin = db.AddUser("admin", "center_admin", kCounty, "赵管理");
    const auto household =
        db.Server().Count("SELECT min(id) FROM doudi.household WHERE region_code = '" + std::string(kVillage) + "'");
    applicant = db.Server().Scalar("SELECT name FROM doudi.person WHERE household_id = " + std::to_string(household) +
                                   " AND relation = 'head' AND left_on IS NULL");
    {
      dal::pg::PgDatabase clerk(db.ClerkConnection());
      caseId = clerk.Cases().Open(dal::NewCase{household, "dibao", false, ""}, dal::NewRequestId());
    }
    Review();
    db.Server().Execute(
        "UPDATE doudi.assistance_case SET notice_start = current_date - 7, notice_end = current_date "
        "WHERE id = " +
        std::to_string(caseId));
    Decide();
    month = db.Server().Scalar("SELECT to_char(current_date + interval '1 month', 'YYYY-MM')");
    dal::pg::PgDatabase center(admin);
    BOOST_REQUIRE(center.Cases().GeneratePayments(month) > 0);
  }

  void Step(dal::CaseRepository& cases, const char* action, const char* opinion = "") const {
    cases.Transition(caseId, action, cases.Load(caseId)->summary.version, opinion, dal::NewRequestId());
  }

  void Review() {
    dal::pg::PgDatabase session(reviewer);
    auto& cases = session.Cases();
    Step(cases, "accept");
    const std::string today = db.Server().Scalar("SELECT current_date::text");
    cases.RecordSurvey(
        caseId,
        dal::CaseSurvey{
            {"张调查", "李调查"}, today, "住房情况：砖木结构老屋\n家庭收入：无稳定收入", "户主本人", {}, {}},
        dal::NewRequestId());
    Step(cases, "survey");
    cases.AddEvidence(caseId, dal::CaseEvidence{"verification_report", "家庭经济状况核对报告", "", {}, {}},
                      dal::NewRequestId());
    Step(cases, "verify");
    cases.ProposeAmount(caseId,
                        dal::AmountProposal{model::Money::FromFen(68000), {}, {"保障标准 − 家庭人均收入"}, {}, {}, {}},
                        dal::NewRequestId());
    Step(cases, "review", "经调查核实，家庭人均收入低于当地低保标准，同意纳入。");
    Step(cases, "publish");
  }

  void Decide() const {
    {
      dal::pg::PgDatabase township(reviewer);
      Step(township.Cases(), "close_notice");
    }
    dal::pg::PgDatabase county(city);
    Step(county.Cases(), "approve", "同意。");
    Step(county.Cases(), "notify");
    Step(county.Cases(), "start_payment");
  }
};

}  // namespace doudi::test
