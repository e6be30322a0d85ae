#pragma once
// The registry's result list: a virtual wxListCtrl that shows a million rows
// without loading them. It knows the number of matches (estimated, then
// exact) and, once the background job delivers them, the ordered ids of all
// matches; visible rows are loaded by id a page at a time into a row cache.
// OnGetItemText only reads the cache ("…" until its page arrives):
// wx calls it for every visible cell on every paint.
#include <wx/listctrl.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "doudi/dal/registry_search.h"

namespace doudi::gui {

class RegistryList : public wxListCtrl {
 public:
  static constexpr long kPageSize = 100;

  // loadPage(page) is asked to fetch rows [page*kPageSize, ...) and hand
  // them to SetPage (or report a failure to ForgetPage); it is not asked for
  // a page again while one is on its way, nor while the page is held.
  RegistryList(wxWindow* parent, std::function<void(long page)> loadPage);

  // A new search: forget every row, show count rows (the estimate).
  void Reset(long count);
  // The exact number of matches is known.
  void SetCount(long count);
  // A page's rows arrived. Past the cache's limit the pages farthest from
  // the rows in view are dropped, never those in view.
  void SetPage(long page, std::vector<dal::PersonSummary> rows);
  // Rows of a page whose load failed are asked for again when next shown.
  void ForgetPage(long page);

  // The selected row, or -1.
  long Selected() const { return GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }
  // The row's person, when loaded.
  const dal::PersonSummary* RowAt(long row) const;

 protected:
  wxString OnGetItemText(long item, long column) const override;

 private:
  void Request(long page) const;
  void Trim();
  std::function<void(long)> m_loadPage;
  std::unordered_map<long, std::vector<dal::PersonSummary>> m_pages;  // held
  mutable std::unordered_set<long> m_pending;                         // asked for, on their way
};

}  // namespace doudi::gui
