// The 挂钩帮扶 section as a township reviewer meets it: the households in
// pairing of the township, the overdue one in red; choosing one shows its
// six levels and visits; the village level's person is named from the
// candidates the database offers, and a visit is logged (a form without
// findings is refused first). A village clerk sees the section but may only
// log visits; a finance officer does not see it.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "app/main_frame.h"
#include "app/screenshot.h"
#include "attachments/attachments_window.h"
#include "cases/case_text.h"
#include "gui_harness.h"
#include "pairing/pairing_panel.h"

using namespace doudi;
using doudi::test::Chinese;
using doudi::test::U;

namespace {

constexpr const char* kVillage = "331022001201";  // 悬渚村
constexpr const char* kTownship = "331022001";    // 海游街道

gui::PairingPanel& Section(gui::MainFrame* frame) {
  auto* panel = frame->FindSection<gui::PairingPanel>();
  BOOST_REQUIRE(panel != nullptr);
  frame->ShowSection(panel);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsLoading(); }));
  return *panel;
}

long RowOf(const gui::PairingPanel& panel, std::int64_t household) {
  for (std::size_t i = 0; i < panel.Households().size(); ++i) {
    if (panel.Households()[i].householdId == household) return static_cast<long>(i);
  }
  return -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pairing)

BOOST_AUTO_TEST_CASE(a_reviewer_names_the_village_level_and_logs_a_visit) {
  test::DeskDatabase db;
  auto& server = db.Server();
  const auto reviewerLogin = db.AddUser("reviewer", "township_reviewer", kTownship, "王审核");
  const auto financeLogin = db.AddUser("finance", "finance_officer", "331022", "李会计");
  const auto ids = server.Rows(std::string("SELECT id FROM doudi.household WHERE region_code = '") + kVillage +
                               "' ORDER BY id LIMIT 2");
  BOOST_REQUIRE_EQUAL(ids.size(), 2u);
  const std::int64_t fresh = std::stoll(ids[0]), stale = std::stoll(ids[1]);
  server.Execute("SELECT doudi.pairing_enroll(" + ids[0] + ", current_date - 10)");
  server.Execute("SELECT doudi.pairing_enroll(" + ids[1] + ", DATE '2025-01-01')");
  server.Execute("SELECT doudi.pairing_visit_add(gen_random_uuid(), " + ids[1] +
                 ", DATE '2025-02-01', 'township', '张干部', '生活基本稳定', '')");

  auto* finance = test::OpenFrame(db, financeLogin);
  BOOST_TEST(finance->FindSection<gui::PairingPanel>() == nullptr);
  test::CloseFrame(finance);

  auto* frame = test::OpenFrame(db, reviewerLogin);
  auto& panel = Section(frame);
  BOOST_REQUIRE_EQUAL(panel.Households().size(), 2u);
  const long staleRow = RowOf(panel, stale), freshRow = RowOf(panel, fresh);
  BOOST_REQUIRE(staleRow >= 0);
  BOOST_REQUIRE(freshRow >= 0);
  BOOST_TEST((panel.List()->GetItemTextColour(staleRow) == gui::kOverdueText));
  BOOST_TEST((panel.List()->GetItemTextColour(freshRow) != gui::kOverdueText));
  BOOST_TEST(U(panel.List()->GetItemText(freshRow, 4)) == "0/6");
  BOOST_TEST(U(panel.List()->GetItemText(staleRow, 5)) == "2025-02-01");
  // in the language the run uses (the screen's own word)
  BOOST_TEST(U(panel.List()->GetItemText(staleRow, 7)).find(U(wxGetTranslation("Visit overdue"))) == 0u,
             U(panel.List()->GetItemText(staleRow, 7)));

  panel.SelectRow(freshRow);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel.IsLoadingDetails(); }));
  BOOST_TEST(panel.LevelList()->GetItemCount() == 6);
  BOOST_TEST(panel.OffersAssign());

  // The village level: the candidates are the village's user only (the clerk).
  panel.ChooseLevel(model::PairingLevel::Village);
  BOOST_TEST((panel.ChosenLevel() == model::PairingLevel::Village));
  int candidates = -1;
  panel.SetDialogRunner([&](wxDialog& dialog) {
    candidates = static_cast<int>(test::Find<wxChoice>(dialog, "candidate")->GetCount());
    return test::PressOk(dialog, {});
  });
  panel.AssignPerson();
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.Assignments().size() == 1u && !panel.IsLoadingDetails(); }));
  BOOST_TEST(candidates == 1);
  BOOST_TEST(panel.Assignments().front().level == "village");
  BOOST_TEST(panel.Assignments().front().userRole == db.ClerkRole());
  BOOST_TEST(U(panel.List()->GetItemText(RowOf(panel, fresh), 4)) == "1/6");

  // A visit: without findings the form stays open; then it is logged, the
  // visitor being the village's responsible person.
  panel.SetDialogRunner([](wxDialog& dialog) {
    BOOST_TEST(test::PressOk(dialog, {}, {}, std::chrono::milliseconds(300)) == 0);
    return test::PressOk(dialog, [](wxDialog& d) {
      test::Find<wxTextCtrl>(d, "found")->ChangeValue(Chinese("房屋漏雨，女主人慢性病用药负担重。"));
      test::Find<wxTextCtrl>(d, "next_step")->ChangeValue(Chinese("联系住建部门评估危房改造。"));
    });
  });
  panel.AddVisit();
  BOOST_REQUIRE_MESSAGE(test::PumpUntil([&] { return panel.Visits().size() == 1u && !panel.IsLoadingDetails(); }),
                        U(panel.DetailStatus()));
  BOOST_TEST(panel.Visits().front().level == "village");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_visit WHERE household_id = " + ids[0]) == 1);
  BOOST_TEST(U(panel.VisitList()->GetItemText(0, 3)) == U(Chinese("房屋漏雨，女主人慢性病用药负担重。")));
  // The photo taken at the door goes with the visit.
  BOOST_TEST(panel.OpenVisitFiles() == nullptr);  // no visit selected
  panel.VisitList()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  auto* photos = panel.OpenVisitFiles();
  BOOST_REQUIRE(photos != nullptr);
  BOOST_TEST(test::AttachPhotoIn(*photos, _("Photo")));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.attachment WHERE owner_kind = 'visit' AND kind = 'photo' "
                          "AND owner_id = " +
                          std::to_string(panel.Visits().front().id)) == 1);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(photos, test::ShotPath("visit-files.png")));
  photos->Destroy();

  // Only the gaps: both still lack levels.
  panel.SetGapsOnly(true);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel.IsLoading(); }));
  BOOST_TEST(panel.Households().size() == 2u);

  panel.SetGapsOnly(false);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel.IsLoading() && !panel.IsLoadingDetails(); }));
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(frame, test::ShotPath("pairing.png")));

  // Ended meanwhile: the visit is refused in the catalog's words, and nothing is logged.
  server.Execute("SELECT doudi.pairing_end(" + ids[1] + ", NULL, '已脱困')");
  panel.SelectRow(RowOf(panel, stale));
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel.IsLoadingDetails(); }));
  panel.SetDialogRunner([](wxDialog& dialog) {
    return test::PressOk(dialog,
                         [](wxDialog& d) { test::Find<wxTextCtrl>(d, "found")->ChangeValue(Chinese("已外出务工。")); });
  });
  panel.AddVisit();
  // the refusal (doudi:pairing.not_enrolled) names the household in either language
  BOOST_TEST(test::PumpUntil([&] {
               const std::string status = U(panel.DetailStatus());
               return status.find(ids[1]) != std::string::npos;
             }),
             U(panel.DetailStatus()));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_visit WHERE household_id = " + ids[1]) == 1);
  test::CloseFrame(frame);

  // The village clerk logs visits but names nobody.
  auto* clerk = test::OpenFrame(db, db.ClerkConnection());
  auto& clerkPanel = Section(clerk);
  clerkPanel.SelectRow(RowOf(clerkPanel, fresh));
  BOOST_REQUIRE(test::PumpUntil([&] { return !clerkPanel.IsLoadingDetails(); }));
  BOOST_TEST(clerkPanel.OffersVisit());
  BOOST_TEST(!clerkPanel.OffersAssign());
  BOOST_TEST(!clerkPanel.OffersEnroll());
  test::CloseFrame(clerk);
}

BOOST_AUTO_TEST_SUITE_END()
