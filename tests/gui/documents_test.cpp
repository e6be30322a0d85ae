// Documents from the workstation: a city decider opens a decided 低保 case,
// previews its approval form (pages drawn by the reports layer into
// bitmaps), and saves it as PDF; the Rosters menu previews the month's
// payment roster and saves it as XLSX. The file dialogs are replaced (as the
// case tests replace input dialogs); Print is never called: without a
// printer a print hangs (TOOLCHAIN.md).
#include <wx/choice.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "app/main_frame.h"
#include "app/screenshot.h"
#include "cases/case_view.h"
#include "documents/document_preview.h"
#include "documents/roster_dialog.h"
#include "doudi/dal/registry_repository.h"
#include "gui_harness.h"

using namespace doudi;

namespace {

constexpr const char* kVillage = "331022001201";  // 悬渚村
constexpr const char* kTownship = "331022001";    // 海游街道
constexpr const char* kCounty = "331022";         // 三门县

std::filesystem::path ScratchDir() {
  const auto dir =
      std::filesystem::temp_directory_path() / ("doudi-gui-documents-" + std::to_string(std::random_device()()));
  std::filesystem::create_directories(dir);
  return dir;
}

using doudi::test::ShotPath;

// A command's standard output ("" when it cannot run).
std::string Output(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

std::string Squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\n' && c != '\f') out += c;
  }
  return out;
}

// Pixels of the bitmap that are not white: the page has ink.
double InkShare(const wxBitmap& bitmap) {
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
    // The family's signed authorization and, below, the report's scan: what
    // accept and verify require (docs/attachments.md); a PDF by its first bytes.
    const std::vector<unsigned char> scan{'%', 'P', 'D', 'F', '-', '1', '.', '4'};
    session.Attachments().Add(dal::NewAttachment{{"case", caseId}, "authorization", "核对授权书.pdf", scan, "", {}},
                              dal::NewRequestId());
    Step(cases, "accept");
    const std::string today = db.Server().Scalar("SELECT current_date::text");
    cases.RecordSurvey(
        caseId,
        dal::CaseSurvey{
            {"张调查", "李调查"}, today, "住房情况：砖木结构老屋\n家庭收入：无稳定收入", "户主本人", {}, {}},
        dal::NewRequestId());
    Step(cases, "survey");
    cases.AddEvidenceWithFile(caseId, dal::CaseEvidence{"verification_report", "家庭经济状况核对报告", "", {}, {}},
                              dal::NewAttachment{{}, "other", "核对报告.pdf", scan, "", {}}, dal::NewRequestId());
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

// Saves what the preview shows through its Save button's path, the file
// dialog answered with file; waits until it is written.
void SaveAs(gui::DocumentPreview& preview, gui::SaveFormat format, const std::filesystem::path& file) {
  preview.SetFileChooser([file](wxWindow*, gui::SaveFormat, const wxString&) { return wxString(file.string()); });
  preview.Save(format);
  BOOST_REQUIRE(test::PumpUntil([&] { return !preview.IsSaving(); }, std::chrono::seconds(60)));
  BOOST_TEST(std::filesystem::exists(file), preview.StatusText().utf8_string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documents)

BOOST_AUTO_TEST_CASE(a_decided_case_previews_its_approval_form_and_saves_it_as_pdf) {
  DecidedCase data;
  const auto dir = ScratchDir();
  auto* frame = test::OpenFrame(data.db, data.city);
  auto& view = frame->OpenCase(data.caseId);
  BOOST_REQUIRE(test::PumpUntil([&] { return view.GetState() == gui::CaseView::State::Ready; }));
  using Kind = reports::CaseDocumentKind;
  BOOST_TEST((view.DocumentKinds() ==
              std::vector<Kind>{Kind::ApprovalForm, Kind::SurveyForm, Kind::HouseholdFile, Kind::Decision}));

  view.OpenDocument(Kind::ApprovalForm);
  BOOST_REQUIRE(test::PumpUntil([&] { return !view.IsOpeningDocument(); }, std::chrono::seconds(60)));
  auto* preview = view.LastPreview();
  BOOST_REQUIRE_MESSAGE(preview != nullptr, view.StatusText().utf8_string());
  BOOST_TEST(preview->PageCount() >= 2);  // members, incomes, working and three opinions do not fit one A4 page
  BOOST_TEST(preview->CurrentPage() == 0);
  BOOST_TEST(InkShare(preview->PageBitmap()) > 0.01);
  preview->ShowPage(1);
  BOOST_TEST(preview->CurrentPage() == 1);
  BOOST_TEST(InkShare(preview->PageBitmap()) > 0.002);
  preview->ShowPage(0);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(preview, ShotPath("document-preview.png")));

  const auto pdf = dir / "approval-form.pdf";
  SaveAs(*preview, gui::SaveFormat::Pdf, pdf);
  const std::string text = Squeezed(Output("pdftotext -layout '" + pdf.string() + "' -"));
  BOOST_TEST(text.find(data.applicant) != std::string::npos, "the PDF lacks " << data.applicant);
  BOOST_TEST(text.find("三门县民政局") != std::string::npos);
  BOOST_TEST(text.find("680.00") != std::string::npos);
  const std::string info = Output("pdfinfo '" + pdf.string() + "'");
  BOOST_TEST(info.find("Pages:") != std::string::npos);
  BOOST_TEST(std::stoi(info.substr(info.find("Pages:") + 6)) == preview->PageCount());
  test::CloseFrame(frame);
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(the_rosters_menu_previews_the_payment_roster_and_saves_xlsx) {
  DecidedCase data;
  const auto dir = ScratchDir();
  auto* frame = test::OpenFrame(data.db, data.city);
  gui::DocumentPreview* preview = nullptr;
  std::vector<std::string> regions;
  frame->SetDialogRunner([&](wxDialog& dialog) {
    auto& roster = dynamic_cast<gui::RosterDialog&>(dialog);
    regions = roster.RegionCodes();
    // A month without payment lines: the dialog stays, saying so.
    BOOST_TEST(test::PressOk(
                   dialog, [](wxDialog& d) { test::Find<wxTextCtrl>(d, "month")->ChangeValue("2020-01"); }, {},
                   std::chrono::milliseconds(3000)) == 0);
    BOOST_TEST(!roster.IsBuilding());
    const int code = test::PressOk(
        dialog, [&](wxDialog& d) { test::Find<wxTextCtrl>(d, "month")->ChangeValue(wxString::FromUTF8(data.month)); });
    preview = roster.Preview();
    return code;
  });
  frame->ShowRosterDialog(gui::RosterKind::Payment);
  BOOST_TEST(!regions.empty());
  BOOST_TEST(regions.front() == kCounty);  // the user's scope first
  BOOST_REQUIRE(preview != nullptr);
  BOOST_TEST(preview->PageCount() == 1);
  BOOST_TEST(InkShare(preview->PageBitmap()) > 0.005);
  BOOST_TEST((preview->Document().orientation == reports::Orientation::Landscape));
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(preview, ShotPath("roster-preview.png")));

  const auto xlsx = dir / "payment-roster.xlsx";
  SaveAs(*preview, gui::SaveFormat::Xlsx, xlsx);
  std::ifstream in(xlsx, std::ios::binary);
  char magic[2] = {};
  in.read(magic, 2);
  BOOST_TEST((magic[0] == 'P' && magic[1] == 'K'));  // a zip: the workbook
  const std::string strings = Output("unzip -p '" + xlsx.string() + "' 'xl/*'");
  BOOST_TEST(strings.find(data.applicant) != std::string::npos);
  test::CloseFrame(frame);
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
