#pragma once
// The 预警 section: what the screening rules found in the user's scope, for
// the staff groups that handle alerts (assets/rules/alert_rules.csv). At
// the top, per rule, how many alerts are open and closed (a click filters
// by the rule); the filters (rule, region, state — "open" by default —
// and period); the list, oldest first: rule, period, name, masked ID,
// village, the deciding figure in yuan, state, when raised, the last check.
// Double-click (or Enter) opens the alert's view.
//
// Read on the context's alert worker: a load that runs past a second shows
// a moving bar and Stop, which cancels only that worker's statement.
#include <wx/timer.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/async_list_panel.h"
#include "doudi/dal/alert_repository.h"

class wxButton;
class wxChoice;
class wxGauge;
class wxListCtrl;
class wxTextCtrl;

namespace doudi::gui {

class Context;
struct Section;

class AlertsPanel : public AsyncListPanel {
 public:
  // The most alerts one list shows; the count says when there are more.
  static constexpr int kLimit = 1000;
  // How long a load runs before Stop and the moving bar show.
  static constexpr int kSlowMs = 1000;

  // The section: for the groups that handle some rule's alerts.
  static Section Describe();

  AlertsPanel(wxWindow* parent, Context& context);

  // Reads the counts and the list again with the filters as set.
  void Reload();
  // Cancels the load in progress (the Stop button).
  void StopLoading();
  const std::vector<dal::Alert>& Alerts() const { return m_alerts; }
  const std::vector<dal::AlertCount>& Counts() const { return m_counts; }
  wxListCtrl* List() const { return m_list; }
  wxListCtrl* CountList() const { return m_countList; }
  // The filter as the controls set it.
  dal::AlertFilter Filter() const;
  // Sets the filter's controls (the rule's code, "" for all; a state or
  // "open" or ""; a period prefix) and reloads.
  void SetFilter(const std::string& rule, const std::string& state, const std::string& period = {});
  // Opens the alert of row (double-click).
  void OpenRow(long row);
  // Whether Stop shows (a load running past kSlowMs).
  bool ShowsStop() const;

 private:
  void FillCounts();
  void Fill();
  void LoadFinished();

  Context& m_context;
  std::vector<dal::Alert> m_alerts;
  std::vector<dal::AlertCount> m_counts;
  std::vector<std::string> m_regionPrefixes;  // by the region choice's entries ("" first)
  wxListCtrl* m_countList = nullptr;
  wxListCtrl* m_list = nullptr;
  wxChoice* m_rule = nullptr;
  wxChoice* m_region = nullptr;
  wxChoice* m_state = nullptr;
  wxTextCtrl* m_period = nullptr;
  wxGauge* m_progress = nullptr;
  wxButton* m_stop = nullptr;
  wxTimer m_slow;
  wxTimer m_typingPause;
};

}  // namespace doudi::gui
