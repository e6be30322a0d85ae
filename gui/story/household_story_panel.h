#pragma once
// A household's whole story (经历), the household editor's third page: its
// cases of every state, alerts, referrals (state, department, due date; a
// late one in red), help delivered and pairing visits on one list, newest
// first, with a filter by kind. A case or an alert opens in one click
// (double-click, Enter or the button) through the openers given. Read on
// the case worker (doudi.household_timeline, under the user's row-level
// security); the rows are workstation::StoryRows.
#include <cstdint>
#include <functional>
#include <vector>

#include "common/async_list_panel.h"
#include "doudi/dal/case_repository.h"
#include "doudi/workstation/household_story.h"

class wxChoice;
class wxListCtrl;

namespace doudi::gui {

class Context;

class HouseholdStoryPanel : public AsyncListPanel {
 public:
  using Opener = std::function<void(std::int64_t id)>;

  // context outlives the panel. Loads at once unless deferLoad (the editor
  // loads it when its page is first shown).
  HouseholdStoryPanel(wxWindow* parent, Context& context, std::int64_t householdId, Opener openCase,
                      Opener openAlert, bool deferLoad = false);

  void Reload();
  bool Loaded() const { return m_loaded; }
  const std::vector<workstation::StoryRow>& Rows() const { return m_rows; }
  wxListCtrl* List() const { return m_list; }
  wxChoice* KindFilter() const { return m_kind; }
  // What double-clicking row does: opens its case or alert, if it has one.
  void OpenRow(long row);

 private:
  void Fill();

  std::int64_t m_householdId;
  Opener m_openCase;
  Opener m_openAlert;
  std::vector<dal::TimelineEntry> m_entries;
  std::vector<workstation::StoryRow> m_rows;
  bool m_loaded = false;
  wxChoice* m_kind = nullptr;
  wxListCtrl* m_list = nullptr;
};

}  // namespace doudi::gui
