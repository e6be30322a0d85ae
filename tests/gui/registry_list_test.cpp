// The registry's result list as a desk user scrolls it (issue 19): whatever
// the order in which pages arrive, the rows in view end up loaded, and no row
// waits for a page that no worker will fetch. The list's own tests take the
// pages from a stand-in worker the test answers itself, so the order of
// arrival is the test's to choose; the Stop test runs the real panel.
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/sizer.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <deque>
#include <future>
#include <string>
#include <vector>

#include "common/context.h"
#include "common/database_worker.h"
#include "gui_harness.h"
#include "registry/registry_list.h"
#include "registry/registry_panel.h"

using namespace doudi;
using gui::RegistryList;

namespace {

// Rows in view that the list does not hold (it shows "…" for them).
std::vector<long> Missing(const RegistryList& list) {
  std::vector<long> missing;
  const long top = list.GetTopItem();
  const long end = std::min<long>(list.GetItemCount(), top + list.GetCountPerPage());
  for (long row = top; row < end; ++row) {
    if (list.RowAt(row) == nullptr) missing.push_back(row);
  }
  return missing;
}

// Hides the frame, lets pending replies drain and destroys it.
void Close(wxFrame* frame) {
  frame->Hide();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
  frame->Destroy();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
}

// A shown frame holding a RegistryList of `rows` rows whose page requests
// queue up here until the test answers them, first asked first answered, as
// the page worker does.
class ListDesk {
 public:
  explicit ListDesk(long rows)
      : m_frame(new wxFrame(nullptr, wxID_ANY, "registry list", wxDefaultPosition, wxSize(900, 600))) {
    m_list = new RegistryList(m_frame, [this](long page) { m_asked.push_back(page); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_list, wxSizerFlags(1).Expand());
    m_frame->SetSizer(sizer);
    m_frame->Show();
    m_list->Reset(rows);
    Settle();
  }
  ~ListDesk() { Close(m_frame); }
  ListDesk(const ListDesk&) = delete;
  ListDesk& operator=(const ListDesk&) = delete;

  RegistryList& List() { return *m_list; }
  std::size_t Waiting() const { return m_asked.size(); }

  // Lets the list paint (and ask for what it paints).
  void Settle() {
    m_list->Update();
    test::PumpUntil([] { return false; }, std::chrono::milliseconds(20));
  }

  // Answers every page asked for so far, in order; then lets the list paint
  // what arrived (and ask again for what it still lacks).
  void AnswerAll() {
    while (!m_asked.empty()) {
      const long page = m_asked.front();
      m_asked.pop_front();
      m_list->SetPage(page, RowsOf(page));
    }
    Settle();
  }

  std::vector<long> MissingInView() const { return Missing(*m_list); }

  // Answers what is asked until the rows in view are loaded, or until
  // nothing is asked any more while rows in view are still missing: the
  // list would then wait for ever.
  bool RowsInViewArrive() {
    for (int round = 0; round < 20; ++round) {
      if (MissingInView().empty()) return true;
      if (m_asked.empty()) return false;
      AnswerAll();
    }
    return MissingInView().empty();
  }

  void ScrollTo(long row) {
    m_list->EnsureVisible(row);
    Settle();
  }

 private:
  static std::vector<dal::PersonSummary> RowsOf(long page) {
    std::vector<dal::PersonSummary> rows(RegistryList::kPageSize);
    for (long i = 0; i < RegistryList::kPageSize; ++i) {
      auto& p = rows[static_cast<std::size_t>(i)];
      p.personId = page * RegistryList::kPageSize + i + 1;
      p.name = "row " + std::to_string(page * RegistryList::kPageSize + i);
    }
    return rows;
  }

  wxFrame* m_frame;
  RegistryList* m_list = nullptr;
  std::deque<long> m_asked;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(registry_list)

BOOST_AUTO_TEST_CASE(the_thumb_dragged_away_and_back_keeps_the_rows_in_view) {
  ListDesk desk(100'000);
  // Reading down 15,000 rows fills most of the cache.
  for (long row = 0; row < 15'000; row += RegistryList::kPageSize) {
    desk.ScrollTo(row);
    BOOST_REQUIRE(desk.RowsInViewArrive());
  }
  const long back = desk.List().GetTopItem();
  // The thumb dragged to the end and back faster than the worker answers:
  // the list paints some sixty positions on the way, each asking for its
  // rows; the rows where it ends are still held.
  constexpr int kPositions = 60;
  for (int i = 1; i <= kPositions; ++i) desk.ScrollTo(back + (99'999 - back) * i / kPositions);
  desk.ScrollTo(back);
  BOOST_REQUIRE(desk.MissingInView().empty());
  BOOST_REQUIRE(desk.Waiting() > 0u);
  // The worker catches up with the drag.
  desk.AnswerAll();
  BOOST_TEST(desk.MissingInView().empty());
  BOOST_TEST(desk.RowsInViewArrive());
}

// A job the test holds on a worker until it opens the gate (at the latest
// when leaving its scope, so the worker can always be joined).
class Gate {
 public:
  Gate() : m_opened(m_open.get_future().share()) {}
  ~Gate() { Open(); }
  Gate(const Gate&) = delete;
  Gate& operator=(const Gate&) = delete;
  void Hold(gui::DatabaseWorker& worker) {
    worker.Run<int>(nullptr,
                    [opened = m_opened](dal::pg::PgDatabase&) {
                      opened.wait();
                      return 0;
                    },
                    {}, {});
  }
  void Open() {
    if (!m_isOpen) m_open.set_value();
    m_isOpen = true;
  }

 private:
  std::promise<void> m_open;
  std::shared_future<void> m_opened;
  bool m_isOpen = false;
};

BOOST_AUTO_TEST_CASE(rows_asked_for_before_stop_still_arrive) {
  test::DeskDatabase desk;
  desk.Server().Execute("ANALYZE");  // an estimate near the truth, as on a desk's server
  // Counting a whole city takes a while; here the count waits until the
  // test lets it go: the ids come through a wrapper that first waits for an
  // advisory lock the test holds.
  desk.Server().Execute(R"(
    ALTER FUNCTION doudi.registry_search_ids(text, text, text, text, text, text, text)
      RENAME TO registry_search_ids_at_once;
    CREATE FUNCTION doudi.registry_search_ids(k text, t text, p text, th text, rl text, rh text, s text)
    RETURNS SETOF bigint LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_lock_shared(19);
      PERFORM pg_advisory_unlock_shared(19);
      RETURN QUERY SELECT * FROM doudi.registry_search_ids_at_once(k, t, p, th, rl, rh, s);
    END $$;)");
  test::Session counting(desk.Server().ConnectionString());
  counting.Execute("SELECT pg_advisory_lock(19)");

  const auto session = desk.LogInAs(desk.Server().ConnectionString());  // everyone in the registry
  const std::string& connection = desk.Server().ConnectionString();
  gui::DatabaseWorker searches(connection), pages(connection), records(connection), cases(connection),
      documents(connection), alerts(connection);
  gui::Context context(session, gui::Workers{searches, pages, records, cases, documents, alerts});
  Gate gate;
  auto* frame = new wxFrame(nullptr, wxID_ANY, "registry", wxDefaultPosition, wxSize(1000, 700));
  auto* panel = new gui::RegistryPanel(frame, context);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(panel, wxSizerFlags(1).Expand());
  frame->SetSizer(sizer);
  frame->Show();
  auto* found = test::Find<RegistryList>(*panel, "registry_list");
  BOOST_REQUIRE(found != nullptr);
  auto& list = *found;
  // The first page and the estimate are there; the count still runs.
  BOOST_REQUIRE(test::PumpUntil([&] { return list.RowAt(0) != nullptr; }));
  BOOST_REQUIRE(panel->IsSearching());
  BOOST_REQUIRE(list.GetItemCount() >= 2 * RegistryList::kPageSize);

  // The user scrolls to the second page while the page worker is still busy
  // a moment, and presses Stop before its rows arrive.
  gate.Hold(pages);
  list.EnsureVisible(RegistryList::kPageSize + RegistryList::kPageSize / 2);
  list.Update();  // painted: the rows in view are asked for
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
  BOOST_REQUIRE(!Missing(list).empty());
  auto* stop = dynamic_cast<wxButton*>(panel->FindWindow(wxID_STOP));
  BOOST_REQUIRE(stop != nullptr);
  wxCommandEvent click(wxEVT_BUTTON, wxID_STOP);
  click.SetEventObject(stop);
  stop->ProcessWindowEvent(click);
  BOOST_REQUIRE(!panel->IsSearching());

  // The worker gets to the rows: they must show, Stop or not.
  gate.Open();
  BOOST_TEST(test::PumpUntil([&] { return Missing(list).empty(); }, std::chrono::seconds(10)));
  Close(frame);
}

BOOST_AUTO_TEST_SUITE_END()
