// Documents from the workstation: a city decider opens a decided 低保 case,
// previews its approval form (pages drawn by the reports layer into
// bitmaps), and saves it as PDF; the Rosters menu previews the month's
// payment roster and saves it as XLSX. The file dialogs are replaced (as the
// case tests replace input dialogs). Printing to a real print queue is
// printing_test.cpp.
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
#include "decided_case.h"
#include "gui_harness.h"

using namespace doudi;
using doudi::test::DecidedCase;
using doudi::test::InkShare;
using doudi::test::Output;
using doudi::test::Squeezed;
using doudi::test::kCounty;

namespace {

std::filesystem::path ScratchDir() {
  const auto dir =
      std::filesystem::temp_directory_path() / ("doudi-gui-documents-" + std::to_string(std::random_device()()));
  std::filesystem::create_directories(dir);
  return dir;
}

using doudi::test::ShotPath;

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
