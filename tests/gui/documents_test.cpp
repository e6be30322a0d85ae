// Documents from the workstation: a city decider opens a decided 低保 case,
// previews its approval form (pages drawn by the reports layer into
// bitmaps), and saves it as PDF; the Rosters menu previews the month's
// payment roster and saves it as XLSX. The file dialogs are replaced (as the
// case tests replace input dialogs).
//
// Printing for real (suite printing, docs/printing.md): the workstation
// prints a decided case's approval form and a multi-page payment roster to the desk's printer
// without a dialog, through wxPrinter and the printer DC's cairo context,
// to the private CUPS server scripts/test starts (CUPS_SERVER) and its
// cups-pdf queue. The PDF that CUPS writes (Ghostscript's, from the
// PostScript CUPS made of GTK's job) is checked like the saved PDFs: page
// count, A4, the fields' text, and each page drawn against the same page of
// the saved PDF (where the ink is, so the margins and the scale). The job's
// copies and duplex are read from the options CUPS ran the job with.
//
// Outside scripts/test (no DOUDI_TEST_PRINT_DIR) these tests are skipped with
// a message; under it a print server that did not start fails them.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <regex>
#include <set>

#include "app/main_frame.h"
#include "app/screenshot.h"
#include "cases/case_view.h"
#include "documents/document_preview.h"
#include "documents/print_settings_store.h"
#include "documents/roster_dialog.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/dal/report_route.h"
#include "doudi/reports/document_file.h"
#include "doudi/reports/documents.h"
#include "gui_harness.h"
#include "samples.h"

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

// A province's finance officer: the statistics may be of the province or a
// prefecture, the lists of people not; the province's summary previews.
BOOST_AUTO_TEST_CASE(the_statistics_of_a_province_list_its_prefectures_and_the_payment_roster_does_not) {
  DecidedCase data;
  const std::string province = data.db.AddUser("province", "finance_officer", "33", "钱省财");
  auto* frame = test::OpenFrame(data.db, province);
  gui::DocumentPreview* preview = nullptr;
  std::vector<std::string> forStatistics;
  std::vector<std::string> forPayments;
  frame->SetDialogRunner([&](wxDialog& dialog) {
    auto& roster = dynamic_cast<gui::RosterDialog&>(dialog);
    forStatistics = roster.RegionCodes();
    auto* kind = test::Find<wxChoice>(dialog, "kind");
    test::Choose(kind, static_cast<int>(gui::RosterKind::Payment));
    forPayments = roster.RegionCodes();
    test::Choose(kind, static_cast<int>(gui::RosterKind::Statistics));
    roster.SelectRegion("33");
    const int code = test::PressOk(
        dialog, [&](wxDialog& d) { test::Find<wxTextCtrl>(d, "month")->ChangeValue(wxString::FromUTF8(data.month)); });
    preview = roster.Preview();
    return code;
  });
  frame->ShowRosterDialog(gui::RosterKind::Statistics);
  BOOST_REQUIRE(forStatistics.size() >= 3u);
  BOOST_TEST(forStatistics[0] == "33");
  BOOST_TEST(forStatistics[1] == "3310");
  BOOST_TEST(!forPayments.empty());
  BOOST_TEST(forPayments.front() == kCounty);
  for (const auto& code : forPayments) BOOST_TEST(code.size() >= 6u);
  BOOST_REQUIRE(preview != nullptr);
  BOOST_TEST(preview->PageCount() == 1);
  BOOST_TEST(InkShare(preview->PageBitmap()) > 0.005);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(preview, ShotPath("province-statistics.png")));
  const auto dir = ScratchDir();
  const auto pdf = dir / "province-statistics.pdf";
  SaveAs(*preview, gui::SaveFormat::Pdf, pdf);
  const std::string text = Squeezed(Output("pdftotext -layout '" + pdf.string() + "' -"));
  for (const std::string wanted : {"浙江省社会救助统计汇总表", "台州市", "浙江省民政厅", "680.00"}) {
    BOOST_TEST(text.find(wanted) != std::string::npos, "the province's summary lacks " << wanted);
  }
  test::CloseFrame(frame);
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(the_statistics_are_read_from_the_report_standby_or_the_preview_says_the_primary_answered) {
  DecidedCase data;
  test::WaitForStandby(data.db.Server());
  for (const bool standbyUp : {true, false}) {
    // The profile's `report` key: the standby of scripts/test, then a host
    // where nothing answers.
    std::string host = test::StandbyReportHost();
    if (!standbyUp) host = host.substr(0, host.rfind(':') + 1) + "1";
    auto session = data.db.LogInAs(data.city);
    session.reportConnectionString = dal::ReportConnectionString(session.connectionString, host, "");
    auto* frame = new gui::MainFrame(std::move(session), [] {});
    frame->Show();
    gui::DocumentPreview* preview = nullptr;
    frame->SetDialogRunner([&](wxDialog& dialog) {
      auto& roster = dynamic_cast<gui::RosterDialog&>(dialog);
      const int code = test::PressOk(dialog, [&](wxDialog& d) {
        test::Find<wxTextCtrl>(d, "month")->ChangeValue(wxString::FromUTF8(data.month));
      });
      preview = roster.Preview();
      return code;
    });
    frame->ShowRosterDialog(gui::RosterKind::Statistics);
    BOOST_REQUIRE(preview != nullptr);
    dal::ReportRoute unreachable;
    unreachable.fallback = dal::ReportFallback::Unreachable;
    BOOST_TEST(test::U(preview->StatusText()) == (standbyUp ? std::string() : dal::ReportRouteText(unreachable)));
    if (!standbyUp) BOOST_TEST(!preview->StatusText().empty());  // the catalog's words, in either language
    test::CloseFrame(frame);
  }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

namespace fs = std::filesystem;

// The print server scripts/test started.
struct PrintQueue {
  std::string printer;  // DOUDI_TEST_PRINTER: the cups-pdf queue
  fs::path dir;         // DOUDI_TEST_PRINT_DIR: out/ holds its PDFs, log/error_log its log
};

boost::test_tools::assertion_result PrintServerGiven(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result given(std::getenv("DOUDI_TEST_PRINT_DIR") != nullptr);
  given.message() << "DOUDI_TEST_PRINT_DIR is not set: no print server to print to (scripts/test starts one)";
  return given;
}

PrintQueue Queue() {
  if (const char* error = std::getenv("DOUDI_TEST_PRINT_ERROR"); error != nullptr && *error != '\0') {
    BOOST_FAIL("scripts/test could not start its print server: " << error);
  }
  const char* printer = std::getenv("DOUDI_TEST_PRINTER");
  BOOST_REQUIRE_MESSAGE(printer != nullptr && *printer != '\0', "DOUDI_TEST_PRINTER is not set");
  BOOST_REQUIRE_MESSAGE(std::getenv("CUPS_SERVER") != nullptr, "CUPS_SERVER is not set");
  return {printer, std::getenv("DOUDI_TEST_PRINT_DIR")};
}

std::string Quoted(const fs::path& path) {
  return "'" + path.string() + "'";
}

// The workstation's settings in a file of this test, in place of the
// user's; the user's come back after.
class ScopedSettings {
 public:
  ScopedSettings()
      : m_file(fs::temp_directory_path() / ("doudi-print-settings-" + std::to_string(std::random_device()()))),
        m_previous(wxConfigBase::Set(
            new wxFileConfig(wxS("doudi"), wxEmptyString, m_file.string(), wxEmptyString, wxCONFIG_USE_LOCAL_FILE))) {}
  ~ScopedSettings() {
    delete wxConfigBase::Set(m_previous);
    std::error_code ignored;
    fs::remove(m_file, ignored);
  }
  ScopedSettings(const ScopedSettings&) = delete;
  ScopedSettings& operator=(const ScopedSettings&) = delete;
  wxConfigBase& Config() { return *wxConfigBase::Get(); }

 private:
  fs::path m_file;
  wxConfigBase* m_previous;
};

std::set<fs::path> PdfsIn(const fs::path& dir) {
  std::set<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".pdf") files.insert(entry.path());
  }
  return files;
}

bool EndsWithEof(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return content.find("%%EOF", content.size() > 64 ? content.size() - 64 : 0) != std::string::npos;
}

// Waits until CUPS has finished the job (no job of the queue left unfinished)
// and cups-pdf's PDF is there, whole. CUPS calls a job completed even when
// Ghostscript failed, so the file is what counts.
fs::path WaitForPrintedPdf(const PrintQueue& queue, const std::set<fs::path>& before) {
  const auto out = queue.dir / "out";
  std::optional<fs::path> found;
  const auto limit = std::chrono::seconds(120);
  const bool done = test::PumpUntil(
      [&] {
        for (const auto& file : PdfsIn(out)) {
          if (!before.contains(file)) found = file;
        }
        return found && Output("lpstat -o " + queue.printer).empty() && EndsWithEof(*found);
      },
      limit);
  if (!done) {
    BOOST_FAIL("no whole PDF from the " << queue.printer << " queue within " << limit.count() << " s; lpstat -o: "
                                        << Output("lpstat -o " + queue.printer) << "; the log's end: "
                                        << Output("tail -n 20 " + Quoted(queue.dir / "log" / "error_log")));
  }
  return *found;
}

// The options CUPS ran the queue's last job with: its copies (argv[4]) and
// its options (argv[5]), from the server's debug log.
struct JobOptions {
  int copies = 0;
  std::string options;
};

JobOptions LastJobOptions(const PrintQueue& queue) {
  std::ifstream log(queue.dir / "log" / "error_log");
  const std::regex copies(R"re(\[Job (\d+)\] argv\[4\]="(\d+)")re");
  const std::regex options(R"re(\[Job (\d+)\] argv\[5\]="([^"]*)")re");
  JobOptions last;
  std::string job;
  std::smatch m;
  for (std::string line; std::getline(log, line);) {
    if (std::regex_search(line, m, copies)) {
      job = m[1];
      last = {std::stoi(m[2]), {}};
    } else if (std::regex_search(line, m, options) && m[1] == job) {
      last.options = m[2];
    }
  }
  return last;
}

// pdfinfo's "Pages:" and each page's size line.
int PageCount(const fs::path& pdf) {
  const std::string info = Output("pdfinfo " + Quoted(pdf));
  const auto at = info.find("Pages:");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "pdfinfo cannot read " << pdf << ": " << info);
  return std::stoi(info.substr(at + 6));
}

std::vector<std::string> PageSizes(const fs::path& pdf, int pages) {
  const std::string info = Output("pdfinfo -f 1 -l " + std::to_string(pages) + " " + Quoted(pdf));
  std::vector<std::string> sizes;
  const std::regex size(R"(Page +\d+ size: +([0-9.]+ x [0-9.]+ pts))");
  for (std::sregex_iterator it(info.begin(), info.end(), size), end; it != end; ++it) sizes.push_back((*it)[1]);
  return sizes;
}

// A page drawn by poppler in grey: where the ink is.
struct Gray {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  bool Ink(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] < 160;
  }
};

Gray Render(const fs::path& pdf, int page, int dpi) {
  const std::string p = std::to_string(page);
  const std::string pgm =
      Output("pdftoppm -gray -r " + std::to_string(dpi) + " -f " + p + " -l " + p + " " + Quoted(pdf));
  Gray gray;
  // P5, width height, 255, then the pixels.
  std::size_t at = 0;
  int fields[3] = {};
  BOOST_REQUIRE_MESSAGE(pgm.rfind("P5", 0) == 0, "pdftoppm drew nothing of page " << page << " of " << pdf);
  at = 2;
  for (int& field : fields) {
    while (at < pgm.size() && std::isspace(static_cast<unsigned char>(pgm[at]))) ++at;
    std::size_t used = 0;
    field = std::stoi(pgm.substr(at, 12), &used);
    at += used;
  }
  ++at;  // the one whitespace after the maximum
  gray.width = fields[0];
  gray.height = fields[1];
  gray.pixels.assign(pgm.begin() + static_cast<std::ptrdiff_t>(at), pgm.end());
  BOOST_REQUIRE(gray.pixels.size() == static_cast<std::size_t>(gray.width) * static_cast<std::size_t>(gray.height));
  return gray;
}

struct Box {
  int left = 0, top = 0, right = 0, bottom = 0;
};

std::ostream& operator<<(std::ostream& out, const Box& b) {
  return out << "[" << b.left << "," << b.top << " - " << b.right << "," << b.bottom << "]";
}

Box InkBox(const Gray& g) {
  Box box{g.width, g.height, -1, -1};
  for (int y = 0; y < g.height; ++y) {
    for (int x = 0; x < g.width; ++x) {
      if (!g.Ink(x, y)) continue;
      box.left = std::min(box.left, x);
      box.top = std::min(box.top, y);
      box.right = std::max(box.right, x);
      box.bottom = std::max(box.bottom, y);
    }
  }
  return box;
}

// Dark pixels of g in the square from (x0, y0) to (x1, y1), cut to the page.
int InkIn(const Gray& g, int x0, int y0, int x1, int y1) {
  int ink = 0;
  for (int y = std::max(y0, 0); y < std::min(y1, g.height); ++y) {
    for (int x = std::max(x0, 0); x < std::min(x1, g.width); ++x) ink += g.Ink(x, y);
  }
  return ink;
}

// The share of the dark pixels of either page that have no dark pixel
// within one pixel in the other (the PostScript round trip and anti-aliasing
// move strokes by a pixel; other digits in the same grid do not match).
double InkUnmatched(const Gray& a, const Gray& b) {
  long ink = 0, unmatched = 0;
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      const bool inA = a.Ink(x, y), inB = b.Ink(x, y);
      if (!inA && !inB) continue;
      ink += inA + inB;
      if (inA && InkIn(b, x - 1, y - 1, x + 2, y + 2) == 0) ++unmatched;
      if (inB && InkIn(a, x - 1, y - 1, x + 2, y + 2) == 0) ++unmatched;
    }
  }
  return ink == 0 ? 1.0 : static_cast<double>(unmatched) / static_cast<double>(ink);
}

// page turned a quarter: clockwise or not.
Gray Turned(const Gray& g, bool clockwise) {
  Gray t;
  t.width = g.height;
  t.height = g.width;
  t.pixels.resize(g.pixels.size());
  for (int y = 0; y < t.height; ++y) {
    for (int x = 0; x < t.width; ++x) {
      const int sx = clockwise ? y : g.width - 1 - y;
      const int sy = clockwise ? g.height - 1 - x : x;
      t.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width) + static_cast<std::size_t>(x)] =
          g.pixels[static_cast<std::size_t>(sy) * static_cast<std::size_t>(g.width) + static_cast<std::size_t>(sx)];
    }
  }
  return t;
}

// The same size as b, cut or padded with white at the right and bottom (a
// page of 595.28 pt may be a pixel wider than A4 of 595 pt).
Gray SizedAs(const Gray& a, const Gray& b) {
  Gray r{b.width, b.height, std::vector<unsigned char>(b.pixels.size(), 255)};
  for (int y = 0; y < std::min(a.height, b.height); ++y) {
    for (int x = 0; x < std::min(a.width, b.width); ++x) {
      r.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)] =
          a.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(a.width) + static_cast<std::size_t>(x)];
    }
  }
  return r;
}

// The printed PDF against the saved one: as many pages, each A4, and each
// page with its ink where the saved page has it (the same margins and
// scale, within a millimetre and a half), and its strokes where the saved
// page has them (which tells two pages of one roster apart), so every field is on
// the paper. A landscape document comes out of CUPS as it goes to a printer:
// portrait A4 sheets with the page turned a quarter, so a printed page of
// the other orientation is compared turned back (the turn that matches).
void RequireSameAsSaved(const fs::path& printed, const fs::path& saved, int pages, bool landscape) {
  BOOST_TEST(PageCount(printed) == pages);
  for (const auto& size : PageSizes(printed, pages)) {
    BOOST_TEST((size == "595 x 842 pts" || (landscape && size == "842 x 595 pts")), size << " is not A4");
  }
  BOOST_TEST(EndsWithEof(printed));
  constexpr int kDpi = 150;
  constexpr int kSlack = 8;  // pixels at 150 dpi: 1.4 mm
  constexpr double kUnmatched = 0.05;
  for (int page = 1; page <= pages; ++page) {
    const Gray s = Render(saved, page, kDpi);
    Gray p = Render(printed, page, kDpi);
    if ((p.width > p.height) != (s.width > s.height)) {
      const Gray clockwise = SizedAs(Turned(p, true), s);
      const Gray counter = SizedAs(Turned(p, false), s);
      p = InkUnmatched(clockwise, s) <= InkUnmatched(counter, s) ? clockwise : counter;
    }
    BOOST_REQUIRE_MESSAGE(std::abs(p.width - s.width) <= 1 && std::abs(p.height - s.height) <= 1,
                          "page " << page << " is " << p.width << "x" << p.height << " pixels, the saved one "
                                  << s.width << "x" << s.height);
    p = SizedAs(p, s);
    const Box pb = InkBox(p), sb = InkBox(s);
    BOOST_TEST_CONTEXT("page " << page << ": printed ink " << pb << ", saved ink " << sb) {
      BOOST_TEST(std::abs(pb.left - sb.left) <= kSlack);
      BOOST_TEST(std::abs(pb.top - sb.top) <= kSlack);
      BOOST_TEST(std::abs(pb.right - sb.right) <= kSlack);
      BOOST_TEST(std::abs(pb.bottom - sb.bottom) <= kSlack);
      BOOST_TEST_MESSAGE("page " << page << ": ink unmatched " << InkUnmatched(p, s));
      BOOST_TEST(InkUnmatched(p, s) < kUnmatched);
    }
    // The comparison tells two pages of the same roster apart (the same
    // grid, other rows), so it can see a page printed wrong.
    if (page == 2 && pages >= 3) {
      const Gray other = Render(saved, 3, kDpi);
      BOOST_TEST_MESSAGE("printed page 2 against saved page 3: ink unmatched " << InkUnmatched(p, SizedAs(other, s)));
      BOOST_TEST(InkUnmatched(p, SizedAs(other, s)) > kUnmatched, "printed page 2 against saved page 3");
    }
  }
}

// The desk's printer and how it prints, as an administrator writes them.
void UseDeskPrinter(ScopedSettings& settings, const PrintQueue& queue, int copies, const char* duplex) {
  auto& config = settings.Config();
  config.Write(wxS("print/printer"), wxString::FromUTF8(queue.printer));
  config.Write(wxS("print/copies"), copies);
  config.Write(wxS("print/duplex"), wxString::FromUTF8(duplex));
  config.Flush();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(printing, *boost::unit_test::precondition(PrintServerGiven))

BOOST_AUTO_TEST_CASE(the_approval_form_prints_to_the_desk_printer_without_a_dialog) {
  const PrintQueue queue = Queue();
  DecidedCase data;
  ScopedSettings settings;
  UseDeskPrinter(settings, queue, 2, "long-edge");
  const auto dir = ScratchDir();
  auto* frame = test::OpenFrame(data.db, data.city);
  auto& view = frame->OpenCase(data.caseId);
  BOOST_REQUIRE(test::PumpUntil([&] { return view.GetState() == gui::CaseView::State::Ready; }));
  view.OpenDocument(reports::CaseDocumentKind::ApprovalForm);
  BOOST_REQUIRE(test::PumpUntil([&] { return !view.IsOpeningDocument(); }, std::chrono::seconds(60)));
  auto* preview = view.LastPreview();
  BOOST_REQUIRE_MESSAGE(preview != nullptr, view.StatusText().utf8_string());
  BOOST_TEST(preview->DeskPrinter() == wxString::FromUTF8(queue.printer));
  BOOST_TEST(test::Find<wxButton>(*preview, "desk_print")->IsShown());

  const auto before = PdfsIn(queue.dir / "out");
  preview->PrintToDeskPrinter();
  const fs::path printed = WaitForPrintedPdf(queue, before);
  BOOST_TEST_MESSAGE("CUPS wrote " << printed);
  BOOST_TEST(preview->StatusText().utf8_string().find(queue.printer) != std::string::npos,
             preview->StatusText().utf8_string());

  // The fields: where the printed PDF kept a text layer, in its text; the
  // pages drawn against the saved PDF's below check them either way (with
  // Debian 12's CUPS filters each page reaches cups-pdf as a 300-dpi image).
  const std::string text = Squeezed(Output("pdftotext -layout " + Quoted(printed) + " -"));
  if (text.empty()) {
    BOOST_TEST_MESSAGE("the printed PDF has no text layer: checked by drawing its pages");
  } else {
    BOOST_TEST(text.find(data.applicant) != std::string::npos, "the printed PDF lacks " << data.applicant);
    BOOST_TEST(text.find("三门县民政局") != std::string::npos);
    BOOST_TEST(text.find("680.00") != std::string::npos);
  }

  const auto saved = dir / "approval-form.pdf";
  reports::WriteDocumentFile(preview->Paged(), reports::FileFormat::Pdf, saved);
  RequireSameAsSaved(printed, saved, preview->PageCount(), false);

  const JobOptions job = LastJobOptions(queue);
  BOOST_TEST(job.copies == 2);
  BOOST_TEST(job.options.find("Duplex=DuplexNoTumble") != std::string::npos, job.options);

  // The first printed page for docs/samples (docs/printing.md).
  Output("pdftoppm -r 80 -f 1 -l 1 -singlefile -png " + Quoted(printed) + " " +
         Quoted(fs::path(test::ShotPath("printed-approval-form-1.png")).replace_extension()));
  test::CloseFrame(frame);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_multi_page_roster_prints_landscape_with_every_page) {
  const PrintQueue queue = Queue();
  ScopedSettings settings;
  UseDeskPrinter(settings, queue, 1, "short-edge");
  const auto dir = ScratchDir();
  auto* preview =
      new gui::DocumentPreview(nullptr, reports::Layout(reports::PaymentRoster(reports::samples::Payment(70))), true);
  preview->Show();
  BOOST_REQUIRE(preview->PageCount() >= 3);

  const auto before = PdfsIn(queue.dir / "out");
  preview->PrintToDeskPrinter();
  const fs::path printed = WaitForPrintedPdf(queue, before);
  const auto saved = dir / "payment-roster.pdf";
  reports::WriteDocumentFile(preview->Paged(), reports::FileFormat::Pdf, saved);
  RequireSameAsSaved(printed, saved, preview->PageCount(), true);
  const JobOptions job = LastJobOptions(queue);
  BOOST_TEST(job.copies == 1);
  BOOST_TEST(job.options.find("Duplex=DuplexTumble") != std::string::npos, job.options);
  preview->Destroy();
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_printer_the_print_server_does_not_know_is_said_at_once) {
  const PrintQueue queue = Queue();
  ScopedSettings settings;
  UseDeskPrinter(settings, PrintQueue{"NoSuchPrinter", queue.dir}, 1, "simplex");
  auto* preview =
      new gui::DocumentPreview(nullptr, reports::Layout(reports::PaymentRoster(reports::samples::Payment(3))), true);
  const auto before = PdfsIn(queue.dir / "out");
  const auto start = std::chrono::steady_clock::now();
  preview->PrintToDeskPrinter();
  BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(10)));
  BOOST_TEST(preview->StatusText().utf8_string().find("NoSuchPrinter") != std::string::npos,
             preview->StatusText().utf8_string());
  BOOST_TEST((PdfsIn(queue.dir / "out") == before));
  preview->Destroy();
}

BOOST_AUTO_TEST_SUITE_END()

// What the print dialog leaves in wxPrintData is what the desk's settings keep
// (no print server needed).
BOOST_AUTO_TEST_SUITE(print_settings_store)

BOOST_AUTO_TEST_CASE(print_data_made_from_the_settings_reads_back_as_the_same_settings) {
  workstation::PrintSettings settings;
  settings.printer = "审批室";
  settings.paper = workstation::PaperMillimetres{297, 420};  // A3
  settings.copies = 3;
  settings.duplex = workstation::Duplex::LongEdge;
  const wxPrintData data = gui::ToPrintData(settings, reports::Orientation::Landscape);
  BOOST_TEST(data.GetPaperId() == wxPAPER_A3);
  BOOST_TEST(data.GetOrientation() == wxLANDSCAPE);
  BOOST_TEST(data.GetNoCopies() == 3);
  BOOST_TEST((gui::FromPrintData(data) == settings));
  settings.paper.reset();
  BOOST_TEST(gui::ToPrintData(settings, reports::Orientation::Portrait).GetPaperId() == wxPAPER_A4);
  ScopedSettings stored;
  gui::StorePrintSettings(stored.Config(), gui::FromPrintData(data));
  const auto read = gui::LoadPrintSettings(stored.Config());
  BOOST_TEST(read.problems.empty());
  BOOST_TEST((read.settings == gui::FromPrintData(data)));
}

BOOST_AUTO_TEST_SUITE_END()
