#include "registry_list.h"

#include <wx/intl.h>

#include "doudi/model/household.h"
#include "wx_text.h"

namespace doudi::gui {
namespace {

enum Column { kName, kIdNumber, kSex, kBirthYear, kRelation, kRegion, kAddress, kStatus, kColumnCount };

// Keep the cache bounded: a user dragging the scrollbar through a million
// rows must not pull them all into memory.
constexpr std::size_t kMaxCachedPages = 200;

}  // namespace

RegistryList::RegistryList(wxWindow* parent, std::function<void(long page)> loadPage)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      m_loadPage(std::move(loadPage)) {
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
  m_requested.clear();
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
  if (m_pages.size() >= kMaxCachedPages) {
    // Keep only the pages around the one arriving (the user's position).
    for (auto it = m_pages.begin(); it != m_pages.end();) {
      if (std::abs(it->first - page) > static_cast<long>(kMaxCachedPages / 4)) {
        m_requested.erase(it->first);
        it = m_pages.erase(it);
      } else {
        ++it;
      }
    }
  }
  m_pages[page] = std::move(rows);
  const long first = page * kPageSize;
  const long last = std::min<long>(first + kPageSize, GetItemCount()) - 1;
  if (last >= first) RefreshItems(first, last);
}

void RegistryList::ForgetPage(long page) { m_requested.erase(page); }

void RegistryList::Request(long page) const {
  if (page < 0 || page * kPageSize >= GetItemCount()) return;
  if (m_pages.count(page) != 0 || !m_requested.insert(page).second) return;
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
