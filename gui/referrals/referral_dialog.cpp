#include "referrals/referral_dialog.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/database_worker.h"
#include "common/form_dialog.h"
#include "common/wx_text.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/referral_repository.h"
#include "referrals/referral_text.h"

namespace doudi::gui {
namespace {

// Every document a line names, one a line, as the documents field shows them.
wxString DocumentLines(const std::vector<std::string>& documents) {
  wxString text;
  for (const auto& document : documents) text += (text.empty() ? wxString() : wxString(wxS("\n"))) + Wx(document);
  return text;
}

wxString ProblemText(const workstation::ReferralProblem& problem, const workstation::ReferralOffer& offer) {
  using Kind = workstation::ReferralProblem::Kind;
  const wxString line = Wx(offer.departmentName) + wxS(" · ") + HelpKindLabel(offer.kind);
  switch (problem.kind) {
    case Kind::NothingChosen:
      return _("Tick at least one department and kind of help.");
    case Kind::RequestMissing:
      return wxString::Format(_("%s: say what is asked of the department."), line);
    case Kind::RequestTooLong:
      return wxString::Format(_("%s: what is asked is longer than %zu characters."), line,
                              workstation::kReferralRequestMaxChars);
    case Kind::TooManyDocuments:
      return wxString::Format(_("%s: at most %zu documents."), line, workstation::kReferralMaxDocuments);
  }
  return {};
}

// The lines of the county's catalog a desk may ask for (active departments
// and kinds with due days in force), with the due date a referral sent today
// would get: the same working-day count the database makes
// (doudi.deadline_after over the holiday calendar).
std::vector<workstation::ReferralOffer> ReferralOffers(dal::pg::PgDatabase& db, const std::string& region) {
  const std::string county = region.substr(0, 6);
  const auto calendar = db.Calendar().Load();
  const auto today = Today();
  std::vector<workstation::ReferralOffer> offers;
  for (const auto& department : db.Referrals().Departments(county)) {
    if (!department.active) continue;
    for (const auto& help : department.help) {
      if (!help.active || help.workingDays <= 0) continue;
      offers.push_back({department.code, department.name, help.kind, help.workingDays,
                        calendar.Add(today, help.workingDays, model::DeadlineUnit::WorkingDays).date});
    }
  }
  return offers;
}

}  // namespace

ReferralDialog::ReferralDialog(wxWindow* parent, DatabaseWorker& worker, ReferralTarget target)
    : wxDialog(parent, wxID_ANY, _("Refer to departments"), wxDefaultPosition, wxSize(980, 640),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_worker(worker),
      m_target(std::move(target)),
      m_send({}, dal::NewRequestId()) {
  SetName("referral_dialog");
  Build();
  Load();
}

void ReferralDialog::Build() {
  auto* panel = new wxPanel(this);
  auto* heading = new wxStaticText(panel, wxID_ANY, m_target.heading);
  heading->SetFont(heading->GetFont().Bold());
  m_lines = new wxCheckListBox(panel, wxID_ANY);
  m_lines->SetName("lines");
  m_lines->SetMinSize(FromDIP(wxSize(470, 420)));
  m_lines->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
    const auto line = static_cast<std::size_t>(e.GetInt());
    const bool ticked = m_lines->IsChecked(static_cast<unsigned>(line));
    if (m_send.Frozen()) {  // what goes again is what went first
      m_lines->Check(static_cast<unsigned>(line), !ticked);
      return;
    }
    Tick(line, ticked);
  });
  m_lines->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { SelectLine(static_cast<std::size_t>(e.GetInt())); });

  auto* detail = new wxStaticBoxSizer(wxVERTICAL, panel, _("The selected line"));
  m_lineTitle = new wxStaticText(detail->GetStaticBox(), wxID_ANY, _("Select a line on the left."));
  m_lineTitle->SetName("line_title");
  m_request = new wxTextCtrl(detail->GetStaticBox(), wxID_ANY, wxEmptyString, wxDefaultPosition, FromDIP(wxSize(420, 120)),
                             wxTE_MULTILINE);
  m_request->SetName("request");
  m_documents = new wxTextCtrl(detail->GetStaticBox(), wxID_ANY, wxEmptyString, wxDefaultPosition,
                               FromDIP(wxSize(420, 100)), wxTE_MULTILINE);
  m_documents->SetName("documents");
  m_request->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    if (!m_showing) SetRequest(m_request->GetValue());
  });
  m_documents->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    if (!m_showing) SetDocuments(m_documents->GetValue());
  });
  detail->Add(m_lineTitle, wxSizerFlags().Expand().Border(wxALL, 4));
  detail->Add(new wxStaticText(detail->GetStaticBox(), wxID_ANY, _("What is asked:")), wxSizerFlags().Border(wxALL, 4));
  detail->Add(m_request, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 4));
  detail->Add(new wxStaticText(detail->GetStaticBox(), wxID_ANY, _("Documents that go with it (one a line):")),
              wxSizerFlags().Border(wxALL, 4));
  detail->Add(m_documents, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 4));
  auto* noteRow = new wxBoxSizer(wxHORIZONTAL);
  m_note = new wxTextCtrl(panel, wxID_ANY);
  m_note->SetName("note");
  m_note->SetHint(_("to every department (optional)"));
  noteRow->Add(new wxStaticText(panel, wxID_ANY, _("Note:")), wxSizerFlags().CenterVertical());
  noteRow->Add(m_note, wxSizerFlags(1).Border(wxLEFT, 6));
  auto* right = new wxBoxSizer(wxVERTICAL);
  right->Add(detail, wxSizerFlags(1).Expand());
  right->Add(noteRow, wxSizerFlags().Expand().Border(wxTOP, 8));

  auto* body = new wxBoxSizer(wxHORIZONTAL);
  body->Add(m_lines, wxSizerFlags(1).Expand());
  body->Add(right, wxSizerFlags(1).Expand().Border(wxLEFT, 10));

  m_status = new wxStaticText(panel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  m_status->SetName("status");
  m_sendButton = new wxButton(panel, wxID_ANY, _("Send"));
  m_sendButton->SetName("send");
  auto* cancel = new wxButton(panel, wxWindow::NewControlId(), _("Close"));
  m_sendButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendAll(); });
  m_sendButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    e.Enable(m_state == State::Ready);
    e.SetText(m_send.GetStage() == workstation::ReferralSend::Stage::Unconfirmed ? _("Send again") : _("Send"));
  });
  cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Finish(m_state == State::Sent ? wxID_OK : wxID_CANCEL); });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Finish(m_state == State::Sent ? wxID_OK : wxID_CANCEL); });
  SetEscapeId(cancel->GetId());
  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  bottom->Add(m_status, wxSizerFlags(1).CenterVertical());
  bottom->Add(m_sendButton, wxSizerFlags().Border(wxLEFT, 8));
  bottom->Add(cancel, wxSizerFlags().Border(wxLEFT, 8));

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(heading, wxSizerFlags().Border(wxALL, 10));
  top->Add(new wxStaticText(panel, wxID_ANY,
                            _("Tick each department and kind of help to ask for; the due date is counted in working "
                              "days from today.")),
           wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  top->Add(body, wxSizerFlags(1).Expand().Border(wxALL, 10));
  top->Add(bottom, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  panel->SetSizer(top);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(panel, wxSizerFlags(1).Expand());
  SetSizer(outer);
  ShowLine();
}

wxString ReferralDialog::StatusText() const { return m_status->GetLabel(); }

void ReferralDialog::ShowStatus(const wxString& text, bool error) {
  m_status->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_status->SetLabel(text);
  m_status->SetToolTip(text);
}

void ReferralDialog::Load() {
  m_state = State::Loading;
  ShowStatus(_("Reading the county's departments..."), false);
  const std::string region = m_target.regionCode;
  m_worker.Run<std::vector<workstation::ReferralOffer>>(
      this, [region](dal::pg::PgDatabase& db) { return ReferralOffers(db, region); },
      [this](std::vector<workstation::ReferralOffer> offers) {
        m_send = workstation::ReferralSend(std::move(offers), m_send.RequestId());
        m_lines->Clear();
        for (std::size_t i = 0; i < m_send.Offers().size(); ++i) {
          m_lines->Append(OfferLabel(m_send.Offers()[i]));
        }
        m_state = State::Ready;
        ShowStatus(m_send.Offers().empty() ? _("The county has no department giving help: ask the center's "
                                               "administrator.")
                                           : wxString::Format(_("%zu departments and kinds of help."),
                                                              m_send.Offers().size()),
                   m_send.Offers().empty());
      },
      [this](const JobFailure& failure) {
        m_state = State::LoadFailed;
        ShowStatus(wxString::Format(_("The departments could not be read: %s"), failure.message), true);
      });
}

void ReferralDialog::ShowTicked() {
  ShowStatus(wxString::Format(_("%zu lines ticked."), m_send.Chosen().size()), false);
}

void ReferralDialog::Tick(std::size_t line, bool ticked) {
  if (!m_send.Choose(line, ticked)) return;
  ShowTicked();
  m_lines->Check(static_cast<unsigned>(line), ticked);
  if (ticked && m_lastWritten != line && m_lastWritten < m_send.Offers().size() &&
      !m_send.Request(m_lastWritten).empty()) {
    // A newly ticked line takes the request and documents written last.
    m_send.FillEmpty(m_send.Request(m_lastWritten), Utf8(DocumentLines(m_send.Documents(m_lastWritten))));
  }
  SelectLine(line);
}

void ReferralDialog::SelectLine(std::size_t line) {
  if (line >= m_send.Offers().size()) return;
  m_selected = line;
  m_lines->SetSelection(static_cast<int>(line));
  ShowLine();
}

void ReferralDialog::ShowLine() {
  m_showing = true;
  const bool chosen = m_selected && m_send.IsChosen(*m_selected);
  if (m_selected) {
    const auto& offer = m_send.Offers()[*m_selected];
    m_lineTitle->SetLabel(OfferLabel(offer) + (chosen ? wxString() : wxS("\n") + _("(not ticked: tick it to send)")));
    m_request->ChangeValue(Wx(m_send.Request(*m_selected)));
    m_documents->ChangeValue(DocumentLines(m_send.Documents(*m_selected)));
  } else {
    m_request->ChangeValue(wxEmptyString);
    m_documents->ChangeValue(wxEmptyString);
  }
  m_request->SetEditable(chosen && !m_send.Frozen());
  m_documents->SetEditable(chosen && !m_send.Frozen());
  m_showing = false;
}

void ReferralDialog::RefreshLine(std::size_t line) { m_lines->SetString(static_cast<unsigned>(line), OfferLabel(m_send.Offers()[line])); }

void ReferralDialog::SetRequest(const wxString& request) {
  if (!m_selected || !m_send.IsChosen(*m_selected)) return;
  if (m_send.SetRequest(*m_selected, Utf8(request))) {
    m_lastWritten = *m_selected;
    ShowTicked();
  }
  if (m_request->GetValue() != request) {
    m_showing = true;
    m_request->ChangeValue(request);
    m_showing = false;
  }
  RefreshLine(*m_selected);
}

void ReferralDialog::SetDocuments(const wxString& documents) {
  if (!m_selected || !m_send.IsChosen(*m_selected)) return;
  m_send.SetDocuments(*m_selected, Utf8(documents));
  if (m_documents->GetValue() != documents) {
    m_showing = true;
    m_documents->ChangeValue(documents);
    m_showing = false;
  }
}

void ReferralDialog::SetNote(const wxString& note) {
  if (!m_send.Frozen()) m_note->ChangeValue(note);
}

void ReferralDialog::SendAll() {
  if (m_state != State::Ready) return;
  if (const auto problem = m_send.Problem(); problem && !m_send.Frozen()) {
    ShowStatus(ProblemText(*problem, m_send.Offers()[problem->line]), true);
    if (problem->kind != workstation::ReferralProblem::Kind::NothingChosen) SelectLine(problem->line);
    return;
  }
  if (!m_send.BeginSend()) return;
  m_state = State::Sending;
  m_note->SetEditable(false);
  ShowLine();
  ShowStatus(_("Sending..."), false);
  std::vector<dal::ReferralItem> items;
  for (const auto& choice : m_send.Chosen()) {
    const auto& offer = m_send.Offers()[choice.offer];
    items.push_back(dal::ReferralItem{offer.department, offer.kind, choice.request, choice.documents});
  }
  const auto requestId = m_send.RequestId();
  const auto target = m_target;
  const auto note = TrimmedUtf8(m_note->GetValue());
  m_worker.Run<std::vector<std::int64_t>>(
      this,
      [requestId, target, note, items = std::move(items)](dal::pg::PgDatabase& db) {
        return db.Referrals().Send(requestId, dal::ReferralSubject{target.householdId, target.caseId, target.alertId},
                                   note, items);
      },
      [this](std::vector<std::int64_t> ids) {
        m_send.Sent(std::move(ids));
        m_state = State::Sent;
        ShowStatus(wxString::Format(_("Sent: %zu referrals. Each department finds its own in its inbox."),
                                    m_send.ReferralIds().size()),
                   false);
      },
      [this](const JobFailure& failure) {
        m_send.Failed(failure.connectionLost);
        m_state = State::Ready;
        if (failure.connectionLost) {
          m_note->SetEditable(false);
          ShowStatus(wxString::Format(_("Not confirmed: %s Send again when the connection is back: it sends the same "
                                        "referrals, none is made twice."),
                                      failure.message),
                     true);
        } else {
          m_note->SetEditable(true);
          ShowStatus(failure.message, true);
        }
        ShowLine();
      });
}

void ReferralDialog::Finish(int code) {
  if (m_state == State::Sending) return;  // the reply is on its way
  if (IsModal()) {
    EndModal(code);
  } else {
    SetReturnCode(code);
    Hide();
  }
}

}  // namespace doudi::gui
