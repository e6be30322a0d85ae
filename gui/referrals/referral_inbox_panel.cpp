#include "referrals/referral_inbox_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/session.h"
#include "attachments/attachments_window.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/report_list.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/model/iso_date.h"
#include "doudi/workstation/referral_inbox.h"
#include "referrals/referral_forms.h"
#include "referrals/referral_text.h"

namespace doudi::gui {
namespace {

wxString Documents(const std::vector<std::string>& documents) {
  wxString text;
  for (const auto& document : documents) text += (text.empty() ? wxString() : wxString(wxS("、"))) + Wx(document);
  return text;
}

}  // namespace

Section ReferralInboxPanel::Describe() {
  return Section{[] { return _("Referral inbox"); },
                 [](const Session& session) { return session.May(model::StaffOperation::AnswerReferrals); },
                 [](wxWindow* parent, Context& context) { return new ReferralInboxPanel(parent, context); }};
}

ReferralInboxPanel::ReferralInboxPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases),
      m_context(context),
      m_slips(this, context, [this](const wxString& text, bool error) { Message(text, error); }) {
  SetName("referral_inbox");
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      OnBehalf() ? _("Every department's referrals, those escalated to the center first. An answer you record "
                     "here is marked as given on the department's behalf.")
                 : _("The referrals to your department: accept each, then record what was given (or decline it "
                     "with the reason) before the due date."));
  m_closed = new wxCheckBox(this, wxID_ANY, _("Show answered ones too"));
  m_closed->SetName("show_closed");
  m_closed->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Reload(); });
  if (OnBehalf()) {
    m_department = new wxChoice(this, wxID_ANY);
    m_department->SetName("department");
    m_department->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
      const int item = m_department->GetSelection();
      ShowDepartment(item > 0 ? m_departmentCodes[static_cast<std::size_t>(item - 1)] : std::string());
    });
  }
  m_list = MakeReportList(this, "inbox",
                          {{_("State"), 100},
                           {_("Due"), 240},
                           {_("Department"), 110},
                           {_("Help"), 80},
                           {_("Head of household"), 70},
                           {_("ID number"), 150},
                           {_("Village"), 80},
                           {_("Phone"), 110},
                           {_("What is asked"), 240}});
  m_detail = new wxStaticText(this, wxID_ANY, _("Select a referral to read what is asked and the documents."));
  m_detail->SetName("detail");
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    const auto* r = RowAt(e.GetIndex());
    if (r == nullptr) return;
    wxString text = ReferralHeading(*r) + wxS("\n") + _("What is asked:") + wxS(" ") + Wx(r->request);
    if (!r->documents.empty()) text += wxS("\n") + _("Documents:") + wxS(" ") + Documents(r->documents);
    if (const wxString answer = ReferralAnswerText(*r); !answer.empty()) text += wxS("\n") + answer;
    m_detail->SetLabel(text);
    m_detail->Wrap(GetClientSize().x - FromDIP(20));
    Layout();
  });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { PrintSlip(e.GetIndex()); });
  auto* status = MakeStatusLine(wxST_ELLIPSIZE_END);
  m_message = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  m_message->SetName("message");

  const auto selected = [this] { return SelectedReportRow(m_list); };
  const auto button = [&](const wxString& label, const char* name, std::function<void(long)> action,
                          std::function<bool(long)> offers) {
    auto* b = new wxButton(this, wxID_ANY, label);
    b->SetName(name);
    b->Bind(wxEVT_BUTTON, [action, selected](wxCommandEvent&) { action(selected()); });
    b->Bind(wxEVT_UPDATE_UI, [offers, selected](wxUpdateUIEvent& e) { e.Enable(offers(selected())); });
    return b;
  };
  auto* accept = button(
      _("Accept"), "accept", [this](long row) { Accept(row); }, [this](long row) { return OffersAccept(row); });
  auto* decline = button(
      _("Decline..."), "decline", [this](long row) { Decline(row); }, [this](long row) { return OffersAnswer(row); });
  auto* feedback = button(
      OnBehalf() ? _("Feedback on the department's behalf...") : _("Feedback..."), "feedback",
      [this](long row) { GiveFeedback(row); }, [this](long row) { return OffersAnswer(row); });
  auto* print = button(
      _("Print referral slip"), "print_slip", [this](long row) { PrintSlip(row); },
      [this](long row) { return RowAt(row) != nullptr && !m_slips.IsOpening(); });
  // 附件: what the department sends back (a receipt, the signed slip).
  auto* files = button(
      _("Files..."), "files", [this](long row) { OpenFiles(row); }, [this](long row) { return RowAt(row) != nullptr; });
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(intro, wxSizerFlags(1).CenterVertical());
  if (m_department != nullptr) {
    top->Add(new wxStaticText(this, wxID_ANY, _("Department:")), wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
    top->Add(m_department, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  }
  top->Add(m_closed, wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(status, wxSizerFlags(1).CenterVertical());
  for (auto* b : {accept, decline, feedback, print, files, refresh}) buttons->Add(b, wxSizerFlags().Border(wxLEFT, 8));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, 6));
  sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 6));
  sizer->Add(m_detail, wxSizerFlags().Expand().Border(wxALL, 6));
  sizer->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 6));
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 6));
  SetSizer(sizer);
  Reload();
}

AttachmentsWindow* ReferralInboxPanel::OpenFiles(long row) {
  const auto* r = RowAt(row);
  if (r == nullptr) return nullptr;
  return AttachmentsWindow::Open(this, m_context, {ReferralHeading(*r), {"referral", r->id}});
}

bool ReferralInboxPanel::OnBehalf() const {
  return m_context.GetSession().Role().group != model::StaffGroup::DepartmentLiaison;
}

void ReferralInboxPanel::ShowClosed(bool show) {
  m_closed->SetValue(show);
  Reload();
}

void ReferralInboxPanel::ShowDepartment(const std::string& code) {
  if (m_department == nullptr) return;
  const auto found = std::find(m_departmentCodes.begin(), m_departmentCodes.end(), code);
  m_departmentCode = found == m_departmentCodes.end() ? std::string() : code;
  m_department->SetSelection(
      found == m_departmentCodes.end() ? 0 : static_cast<int>(found - m_departmentCodes.begin()) + 1);
  Fill();
}

wxString ReferralInboxPanel::LastMessage() const {
  return m_message->GetLabel();
}

void ReferralInboxPanel::Message(const wxString& text, bool error) {
  m_message->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_message->SetLabel(text);
  m_message->SetToolTip(text);
}

void ReferralInboxPanel::Reload() {
  BeginLoad();
  dal::ReferralFilter filter;
  filter.state = m_closed->GetValue() ? "" : "open";
  Load<std::vector<dal::Referral>>([filter](dal::pg::PgDatabase& db) { return db.Referrals().List(filter); },
                                   [this](std::vector<dal::Referral> rows) {
                                     workstation::OrderInbox(rows);
                                     m_loaded = std::move(rows);
                                     FillDepartments();
                                     Fill();
                                   });
}

// "Every department (12)", then each department of the loaded referrals
// with its count and overdue ones; the chosen one stays chosen while it has
// referrals, else every department is shown again.
void ReferralInboxPanel::FillDepartments() {
  if (m_department == nullptr) return;
  const auto departments = workstation::InboxDepartments(m_loaded);
  m_department->Clear();
  m_departmentCodes.clear();
  m_department->Append(wxString::Format(_("Every department (%zu)"), m_loaded.size()));
  int chosen = 0;
  for (const auto& d : departments) {
    m_department->Append(d.overdue > 0
                             ? wxString::Format(_("%s (%zu, %zu overdue)"), Wx(d.name), d.referrals, d.overdue)
                             : wxString::Format(_("%s (%zu)"), Wx(d.name), d.referrals));
    m_departmentCodes.push_back(d.code);
    if (d.code == m_departmentCode) chosen = static_cast<int>(m_departmentCodes.size());
  }
  if (chosen == 0) m_departmentCode.clear();
  m_department->SetSelection(chosen);
  // As wide as its longest department's line.
  m_department->InvalidateBestSize();
  m_department->SetMinSize(wxSize(m_department->GetBestSize().x, -1));
  Layout();
}

void ReferralInboxPanel::Fill() {
  m_referrals = workstation::OfDepartment(m_loaded, m_departmentCode);
  m_list->DeleteAllItems();
  std::size_t overdue = 0;
  for (const auto& r : m_referrals) {
    const long row = AddReportRow(
        m_list, {ReferralStateText(r), ReferralDueText(r), Wx(r.departmentName), HelpKindLabel(r.kind),
                 Wx(r.headName), Wx(r.headIdMasked), Wx(r.villageName), Wx(r.phone), Wx(r.request)});
    MarkReferralRow(m_list, row, r);
    if (IsOpenReferral(r) && r.overdueDays > 0) ++overdue;
  }
  ShowStatus(wxString::Format(_("%zu referrals, %zu overdue."), m_referrals.size(), overdue));
}

const dal::Referral* ReferralInboxPanel::RowAt(long row) const {
  return row >= 0 && static_cast<std::size_t>(row) < m_referrals.size() ? &m_referrals[static_cast<std::size_t>(row)]
                                                                        : nullptr;
}

bool ReferralInboxPanel::OffersAccept(long row) const {
  const auto* r = RowAt(row);
  return r != nullptr && !m_writing && r->state == "sent";
}

bool ReferralInboxPanel::OffersAnswer(long row) const {
  const auto* r = RowAt(row);
  return r != nullptr && !m_writing && IsOpenReferral(*r);
}

void ReferralInboxPanel::Accept(long row) {
  if (!OffersAccept(row)) return;
  const auto id = RowAt(row)->id;
  const auto version = RowAt(row)->version;
  RunWrite(
      "accept:" + std::to_string(id) + "@" + std::to_string(version),
      [id, version](dal::pg::PgDatabase& db, const std::string&) { db.Referrals().Accept(id, version); },
      _("Accepted: record the feedback once the help is given."));
}

void ReferralInboxPanel::Decline(long row) {
  if (!OffersAnswer(row)) return;
  const auto referral = *RowAt(row);
  DeclineDialog dialog(this, ReferralHeading(referral));
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto reason = dialog.Reason();
  RunWrite(
      "decline:" + std::to_string(referral.id) + "@" + std::to_string(referral.version),
      [id = referral.id, version = referral.version, reason](dal::pg::PgDatabase& db, const std::string&) {
        db.Referrals().Decline(id, version, reason);
      },
      _("Declined: the center reads the reason."));
}

void ReferralInboxPanel::GiveFeedback(long row) {
  if (!OffersAnswer(row)) return;
  const auto referral = *RowAt(row);
  FeedbackDialog dialog(this, ReferralHeading(referral), OnBehalf(), referral.kind, Today());
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto feedback = dialog.Feedback();
  RunWrite(
      "feedback:" + std::to_string(referral.id) + "@" + std::to_string(referral.version),
      [id = referral.id, version = referral.version, feedback](dal::pg::PgDatabase& db, const std::string& requestId) {
        db.Referrals().Feedback(
            id, version,
            dal::ReferralFeedback{requestId, feedback.kind, feedback.amountFen, feedback.description,
                                  model::IsoDate(feedback.givenOn), feedback.givenBy, feedback.terms});
      },
      OnBehalf() ? _("The feedback is recorded on the department's behalf: the referral is done.")
                 : _("The feedback is recorded: the referral is done."));
}

void ReferralInboxPanel::RunWrite(const std::string& what, Write write, const wxString& done) {
  m_writing = true;
  Message(_("Saving..."), false);
  m_write.Run(
      Worker(), this, what, std::move(write),
      {done, _("Someone else answered this referral meanwhile: it is shown again as it is now."),
       _("Not confirmed: %s Try again when the connection is back (an answer that did arrive is not "
         "recorded twice).")},
      [this](bool wrote) {
        m_writing = false;
        if (wrote) {
          Reload();
          m_context.CasesChanged();
        }
      },
      [this](const wxString& text, bool isError) { Message(text, isError); });
}

void ReferralInboxPanel::PrintSlip(long row) {
  if (const auto* r = RowAt(row)) m_slips.Print(r->id);
}

}  // namespace doudi::gui
