#include "documents/roster_dialog.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/regex.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "app/session.h"
#include "common/wx_text.h"
#include "doudi/model/region_code.h"

namespace doudi::gui {

std::optional<std::chrono::year_month> ParseYearMonth(const wxString& text) {
  wxRegEx pattern(wxS("^([0-9]{4})-(0[1-9]|1[0-2])$"));
  if (!pattern.Matches(text.Strip(wxString::both))) return std::nullopt;
  long year = 0;
  long month = 0;
  pattern.GetMatch(text.Strip(wxString::both), 1).ToLong(&year);
  pattern.GetMatch(text.Strip(wxString::both), 2).ToLong(&month);
  return std::chrono::year{static_cast<int>(year)} / std::chrono::month{static_cast<unsigned>(month)};
}

RosterDialog::RosterDialog(wxWindow* parent, wxWindow* previewParent, DatabaseWorker& worker, const Session& session,
                           RosterKind kind, std::chrono::year_month month)
    : FormDialog(parent, _("Rosters")), m_previewParent(previewParent), m_worker(worker), m_session(session) {
  m_kind = new wxChoice(Body(), wxID_ANY);
  m_kind->SetName("kind");
  // In the order of RosterKind, so the selection is the kind.
  for (const auto each : {RosterKind::Payment, RosterKind::Notice, RosterKind::Statistics}) {
    m_kind->Append(RosterKindLabel(each));
  }
  m_kind->SetSelection(static_cast<int>(kind));
  m_month = new wxTextCtrl(
      Body(), wxID_ANY,
      wxString::Format(wxS("%d-%02u"), static_cast<int>(month.year()), static_cast<unsigned>(month.month())));
  m_month->SetName("month");
  m_region = new wxChoice(Body(), wxID_ANY);
  m_region->SetName("region");
  AddField(_("Roster:"), m_kind);
  m_monthMessage = AddField(_("Month (YYYY-MM):"), m_month);
  m_regionMessage = AddField(_("Region:"), m_region);
  FillRegions();
  // The statistics may be of a province or prefecture, the lists not.
  m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FillRegions(); });
  FinishLayout(_("Preview"), [this] { Accept(); });
}

// The regions inside the user's scope that the chosen kind may be of (a
// county, its townships and villages; for the statistics also a province
// or prefecture), the one chosen before kept, else the first.
void RosterDialog::FillRegions() {
  const std::string& scope = m_session.identity.regionScope;
  const auto kind = static_cast<RosterKind>(m_kind->GetSelection());
  const int chosen = m_region->GetSelection();
  const std::string before = chosen >= 0 ? m_codes[static_cast<std::size_t>(chosen)] : std::string();
  m_region->Clear();
  m_codes.clear();
  int top = -1;
  for (const auto& region : m_session.regions) {
    const auto code = model::RegionCode::Parse(region.code);
    if (!code) continue;
    const std::string prefix = code->ScopePrefix();
    if (!reports::RosterTakesRegion(kind, prefix) || prefix.rfind(scope, 0) != 0) continue;
    // Indented by level below the first, so the list reads as the tree it is.
    const int level = static_cast<int>(code->Level());
    if (top < 0) top = level;
    const wxString indent(wxS(' '), static_cast<std::size_t>(std::max(0, level - top) * 4));
    m_region->Append(indent + Wx(region.name) + wxS(" (") + Wx(prefix) + wxS(")"));
    m_codes.push_back(prefix);
  }
  if (!m_codes.empty()) m_region->SetSelection(0);
  SelectRegion(before);
}

void RosterDialog::SelectRegion(const std::string& code) {
  for (std::size_t i = 0; i < m_codes.size(); ++i) {
    if (m_codes[i] == code) m_region->SetSelection(static_cast<int>(i));
  }
}

void RosterDialog::Accept() {
  if (m_building) return;
  ShowMessage(m_monthMessage, wxEmptyString);
  ShowMessage(m_regionMessage, wxEmptyString);
  const auto month = ParseYearMonth(m_month->GetValue());
  if (!month) return ShowMessage(m_monthMessage, _("A month as YYYY-MM, e.g. 2026-11."));
  const int region = m_region->GetSelection();
  if (region < 0) return ShowMessage(m_regionMessage, _("Choose a region."));
  DocumentRequest request;
  request.of = DocumentRequest::Of::Roster;
  request.roster = static_cast<RosterKind>(m_kind->GetSelection());
  request.region = m_codes[static_cast<std::size_t>(region)];
  request.month = *month;
  m_building = true;
  OpenDocument(
      this, m_previewParent, m_worker, m_session, request,
      [this](DocumentPreview* preview) {
        m_building = false;
        m_preview = preview;
        ShowMessage(m_regionMessage, wxEmptyString);
        Finish(wxID_OK);
      },
      [this](const wxString& message) {
        m_building = false;
        ShowMessage(m_regionMessage, message);
      });
}

}  // namespace doudi::gui
