#include "cases/notice_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/session.h"
#include "cases/case_forms.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/section.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"

namespace doudi::gui {

Section NoticePanel::Describe() {
  return Section{[] { return _("Public notices"); }, [](const Session&) { return true; },
                 [](wxWindow* parent, Context& context) { return new NoticePanel(parent, context); }};
}

NoticePanel::NoticePanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases), m_context(context), m_session(context.GetSession()) {
  m_list = MakeReportList(this, "notices",
                          {{_("Village"), 150}, {_("Name"), 100}, {_("Household size"), 80}, {_("Program"), 150},
                           {_("Monthly"), 100}, {_("One-off"), 90}, {_("Notice from"), 100}, {_("Notice to"), 100},
                           {_("Objections"), 80}, {_("State"), 150}});
  auto* status = MakeStatusLine(wxST_ELLIPSIZE_END);
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* object = new wxButton(this, wxID_ANY, _("Record objection..."));
  object->SetName("record_objection");
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(status, wxSizerFlags(1).CenterVertical());
  bar->Add(object, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  SetSizer(top);
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  object->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RecordObjection(Selected()); });
  object->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    e.Show(model::MayTakeInSomeOrder(m_session.Role(), "in_public_notice", "object"));
    e.Enable(MayObject(Selected()));
  });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    const auto row = static_cast<std::size_t>(e.GetIndex());
    if (row < m_entries.size()) m_context.OpenCase(m_entries[row].caseId);
  });
  m_context.OnCasesChanged([this] { Reload(); });
  Reload();
}

long NoticePanel::Selected() const { return m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

void NoticePanel::Reload() {
  BeginLoad();
  Load<std::vector<dal::NoticeEntry>>([](dal::pg::PgDatabase& db) { return db.Cases().PublicNotices(""); },
                                      [this](std::vector<dal::NoticeEntry> entries) {
                                        m_entries = std::move(entries);
                                        Fill();
                                      });
}

void NoticePanel::Fill() {
  m_list->DeleteAllItems();
  for (const auto& e : m_entries) {
    const long row = AddReportRow(
        m_list, {Wx(e.regionName), Wx(e.applicantName), wxString::Format(wxS("%d"), e.householdSize),
                 Wx(e.programName), Yuan(e.monthly), Yuan(e.oneOff), Wx(e.noticeStart), Wx(e.noticeEnd),
                 wxString::Format(wxS("%d"), e.objections), StateLabel(e.state)});
    if (e.objections > 0) m_list->SetItemTextColour(row, kOverdueText);
  }
  const wxString count = wxString::Format(_("%zu cases in public notice or ended within 30 days"), m_entries.size());
  ShowStatus(m_problem.empty() ? count : m_problem + wxS("  ") + count);
  m_problem.clear();
}

bool NoticePanel::MayObject(long row) const {
  if (row < 0 || static_cast<std::size_t>(row) >= m_entries.size()) return false;
  return model::MayTakeInSomeOrder(m_session.Role(), m_entries[static_cast<std::size_t>(row)].state, "object");
}

void NoticePanel::RecordObjection(long row) {
  if (!MayObject(row)) return;
  const auto entry = m_entries[static_cast<std::size_t>(row)];
  OpinionDialog dialog(this, ActionLabel("object"), StateLabel(entry.state), StateLabel("objected"), true);
  if (m_runDialog(dialog) != wxID_OK) return;
  const std::string objection = dialog.Opinion();
  const std::string what = std::to_string(entry.caseId) + "@" + std::to_string(entry.version);
  if (m_pendingWhat != what || m_pendingRequestId.empty()) m_pendingRequestId = dal::NewRequestId();
  m_pendingWhat = what;
  const std::string requestId = m_pendingRequestId;
  ShowStatus(_("Saving..."));
  Worker().Run<int>(
      this,
      [entry, objection, requestId](dal::pg::PgDatabase& db) {
        return db.Cases().Transition(entry.caseId, "object", entry.version, objection, requestId);
      },
      [this](int) {
        m_pendingRequestId.clear();
        // Every list of cases reads them again, this one included.
        m_context.CasesChanged();
      },
      [this](const JobFailure& failure) {
        if (!failure.connectionLost) m_pendingRequestId.clear();
        // A newer version (someone acted meanwhile) shows as the list reloads.
        m_problem = wxString::Format(_("The objection was not recorded: %s"), failure.message);
        Reload();
      });
}

}  // namespace doudi::gui
