#include "registry/registry_list.h"

#include <wx/intl.h>

#include <algorithm>
#include <cstdlib>

#include "common/wx_text.h"
#include "doudi/model/household.h"

namespace doudi::gui {
namespace {

enum Column { kName, kIdNumber, kSex, kBirthYear, kRelation, kRegion, kAddress, kStatus, kColumnCount };

// Keep the cache bounded: a user dragging the scrollbar through a million
// rows must not pull them all into memory. Past the limit it is trimmed to
// three quarters, so the pages arriving next do not trim it again at once.
constexpr std::size_t kMaxCachedPages = 200;
constexpr std::size_t kPagesAfterTrim = kMaxCachedPages * 3 / 4;

}  // namespace

RegistryList::RegistryList(wxWindow* parent, std::function<void(long page)> loadPage)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      m_loadPage(std::move(loadPage)) {
  SetName("registry_list");  // for tests, which find it by name
  AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 110);
  AppendColumn(_("ID number"), wxLIST_FORMAT_LEFT, 170);
  AppendColumn(_("Sex"), wxLIST_FORMAT_LEFT, 50);
  AppendColumn(_("Birth year"), wxLIST_FORMAT_LEFT, 70);
  AppendColumn(_("Relation"), wxLIST_FORMAT_LEFT, 80);
  AppendColumn(_("Village"), wxLIST_FORMAT_LEFT, 110);
  AppendColumn(_("Address"), wxLIST_FORMAT_LEFT, 240);
  AppendColumn(_("Registry status"), wxLIST_FORMAT_LEFT, 110);
  Bind(wxEVT_LIST_CACHE_HINT, [this](wxListEvent& e) {
    // Cheap: wx sends it on every paint; pages held or asked for are skipped.
    for (long page = e.GetCacheFrom() / kPageSize; page <= e.GetCacheTo() / kPageSize; ++page) Request(page);
  });
}

void RegistryList::Reset(long count) {
  m_pages.clear();
  m_pending.clear();
  // Deep in a long list, a new count can leave the list blank (TOOLCHAIN.md).
  if (GetItemCount() > 0) EnsureVisible(0);
  SetItemCount(count);
  Refresh();
  Update();
}

void RegistryList::SetCount(long count) {
  if (count == GetItemCount()) return;
  if (count < GetItemCount() && GetItemCount() > 0) EnsureVisible(0);
  SetItemCount(count);
  Refresh();
}

void RegistryList::SetPage(long page, std::vector<dal::PersonSummary> rows) {
  m_pending.erase(page);
  m_pages[page] = std::move(rows);
  Trim();
  const long first = page * kPageSize;
  const long last = std::min<long>(first + kPageSize, GetItemCount()) - 1;
  if (last >= first) RefreshItems(first, last);
}

void RegistryList::Trim() {
  if (m_pages.size() <= kMaxCachedPages) return;
  // The pages nearest the rows in view stay, not those nearest the page that
  // arrived: after a drag of the thumb, pages asked for on the way still
  // arrive after the user has settled elsewhere, and dropping the rows in
  // view would leave them shown but gone (nothing repaints them, so nothing
  // would ask for them again). A dropped page is asked for again when shown.
  const long view = (GetTopItem() + GetCountPerPage() / 2) / kPageSize;
  std::vector<long> held;
  held.reserve(m_pages.size());
  for (const auto& entry : m_pages) held.push_back(entry.first);
  const auto kept = held.begin() + static_cast<std::ptrdiff_t>(kPagesAfterTrim);
  std::nth_element(held.begin(), kept, held.end(),
                   [view](long a, long b) { return std::abs(a - view) < std::abs(b - view); });
  for (auto it = kept; it != held.end(); ++it) m_pages.erase(*it);
}

void RegistryList::ForgetPage(long page) { m_pending.erase(page); }

void RegistryList::Request(long page) const {
  if (page < 0 || page * kPageSize >= GetItemCount()) return;
  if (m_pages.count(page) != 0 || !m_pending.insert(page).second) return;
  m_loadPage(page);
}

const dal::PersonSummary* RegistryList::RowAt(long row) const {
  const auto it = m_pages.find(row / kPageSize);
  if (it == m_pages.end()) return nullptr;
  const auto index = static_cast<std::size_t>(row % kPageSize);
  return index < it->second.size() ? &it->second[index] : nullptr;
}

wxString RegistryList::OnGetItemText(long item, long column) const {
  const auto* p = RowAt(item);
  if (p == nullptr) {
    Request(item / kPageSize);  // normally the cache hint asked already
    return column == kName ? wxString(wxS("…")) : wxString();
  }
  switch (column) {
    case kName: return Wx(p->name);
    case kIdNumber: return Wx(p->maskedIdNumber);
    case kSex: return p->sex == "male" ? _("Male") : _("Female");
    case kBirthYear: return wxString::Format("%d", p->birthYear);
    case kRelation: return Wx(model::ToChinese(p->relation));
    case kRegion: return Wx(p->regionName);
    case kAddress: return Wx(p->address);
    case kStatus: return Wx(model::ToChinese(p->status));
    default: return {};
  }
}

}  // namespace doudi::gui
