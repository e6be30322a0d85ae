#pragma once
// The household view's line of open alerts: "预警：" and one link per open
// alert of the household (its rule and period), read on a worker when the
// household is known; nothing shows while there are none. Clicking a link
// calls open with the alert's id (the household editor, being modal, closes
// first and its caller shows the alert).
#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "doudi/dal/alert_repository.h"

class wxBoxSizer;

namespace doudi::gui {

class DatabaseWorker;

class HouseholdAlerts : public wxPanel {
 public:
  using Open = std::function<void(std::int64_t alertId)>;

  // worker outlives the panel.
  HouseholdAlerts(wxWindow* parent, DatabaseWorker& worker, Open open);

  // Reads the household's open alerts and shows them.
  void Load(std::int64_t householdId);
  bool IsLoaded() const { return m_loaded; }
  const std::vector<dal::Alert>& Alerts() const { return m_alerts; }
  // What clicking the link of the alert at index does.
  void OpenAlert(std::size_t index);

 private:
  void Fill();

  DatabaseWorker& m_worker;
  Open m_open;
  bool m_loaded = false;
  std::vector<dal::Alert> m_alerts;
  wxBoxSizer* m_sizer = nullptr;
};

}  // namespace doudi::gui
