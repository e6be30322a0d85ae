#include "cases/case_view.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <algorithm>

#include "attachments/attachments_panel.h"
#include "app/session.h"
#include "cases/amount_dialog.h"
#include "cases/case_forms.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/requested_write.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "documents/document_jobs.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "referrals/referrals_page.h"

namespace doudi::gui {
namespace {

// Whether the user may perform operation on a case in state: their group
// and the state, as assets/rules/staff_capabilities.csv says (the database
// checks both again).
bool Offers(const Session& session, model::StaffOperation operation, const std::string& state) {
  return session.May(operation) && model::PossibleInState(operation, state);
}

wxString Joined(const std::vector<std::string>& parts, const wxString& separator) {
  wxString text;
  for (const auto& part : parts) text += (text.empty() ? wxString() : separator) + Wx(part);
  return text;
}

wxString WhoWhen(const std::string& who, const std::string& when) {
  return Wx(who) + wxS("  ") + Wx(when);
}

}  // namespace

CaseView::CaseView(wxWindow* parent, Context& context, std::int64_t caseId)
    : wxDialog(parent, wxID_ANY, _("Case"), wxDefaultPosition, wxSize(1120, 760),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_worker(context.GetWorkers().cases),
      m_documentWorker(context.GetWorkers().documents),
      m_session(context.GetSession()),
      m_caseId(caseId),
      m_context(context) {
  Build();
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
  Reload();
}

void CaseView::Build() {
  auto* panel = new wxPanel(this);
  m_title = new wxStaticText(panel, wxID_ANY, _("Loading the case..."));
  m_title->SetFont(m_title->GetFont().Bold().Larger());
  m_summary = new wxStaticText(panel, wxID_ANY, wxEmptyString);
  m_summary->SetName("summary");
  auto* pages = m_pages = new wxNotebook(panel, wxID_ANY);
  pages->AddPage(BuildTimelinePage(pages), _("Timeline"), true);
  pages->AddPage(BuildRecordsPage(pages), _("Survey and evidence"));
  pages->AddPage(BuildAmountPage(pages), _("Amount and payments"));
  m_referrals = new ReferralsPage(pages, m_context, {m_caseId, std::nullopt}, [this]() -> std::optional<ReferralTarget> {
    if (!m_record) return std::nullopt;
    const auto& s = m_record->summary;
    return ReferralTarget{s.householdId, s.id, std::nullopt, s.regionCode,
                          wxString::Format(_("Case %lld - %s, %s"), static_cast<long long>(s.id), Wx(s.applicantName),
                                           Wx(s.programName))};
  });
  m_referrals->SetDialogRunner([this](wxDialog& dialog) { return m_runDialog(dialog); });
  m_referrals->OnChanged([this] { m_context.CasesChanged(); });
  pages->AddPage(m_referrals, _("Referrals"));

  auto* side = new wxStaticBoxSizer(wxVERTICAL, panel, _("What you may do now"));
  m_actionsPanel = new wxPanel(side->GetStaticBox());
  m_actionsSizer = new wxBoxSizer(wxVERTICAL);
  m_actionsPanel->SetSizer(m_actionsSizer);
  side->Add(m_actionsPanel, wxSizerFlags().Expand().Border(wxALL, 4));
  auto* records = new wxStaticBoxSizer(wxVERTICAL, panel, _("Records"));
  m_surveyButton = new wxButton(records->GetStaticBox(), wxID_ANY, _("Record the home survey..."));
  m_evidenceButton = new wxButton(records->GetStaticBox(), wxID_ANY, _("Add evidence..."));
  m_amountButton = new wxButton(records->GetStaticBox(), wxID_ANY, _("Propose the amount..."));
  m_extendButton = new wxButton(records->GetStaticBox(), wxID_ANY, _("Extend the time limit..."));
  m_extendButton->SetName("extend_limit");
  for (auto* button : {m_surveyButton, m_evidenceButton, m_amountButton, m_extendButton}) {
    records->Add(button, wxSizerFlags().Expand().Border(wxALL, 4));
  }
  m_surveyButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RecordSurvey(); });
  m_evidenceButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddEvidence(); });
  m_amountButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ProposeAmount(); });
  m_surveyButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersSurvey()); });
  m_evidenceButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersEvidence()); });
  m_amountButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersAmount()); });
  m_extendButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ExtendLimit(); });
  m_extendButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersExtension()); });
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(side, wxSizerFlags().Expand());
  column->Add(records, wxSizerFlags().Expand().Border(wxTOP, 8));

  auto* middle = new wxBoxSizer(wxHORIZONTAL);
  middle->Add(pages, wxSizerFlags(1).Expand());
  middle->Add(column, wxSizerFlags().Border(wxLEFT, 8));
  m_status = new wxStaticText(panel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxST_ELLIPSIZE_END);
  auto* documents = new wxButton(panel, wxID_ANY, _("Documents..."));
  documents->SetName("documents");
  documents->Bind(wxEVT_BUTTON, [this, documents](wxCommandEvent&) { ShowDocumentMenu(documents); });
  documents->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_record && !m_openingDocument); });
  auto* refresh = new wxButton(panel, wxID_ANY, _("Reload"));
  // Not stock ids: GTK would relabel stock buttons in the system's language.
  auto* close = new wxButton(panel, wxWindow::NewControlId(), _("Close"));
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  SetEscapeId(close->GetId());
  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  bottom->Add(m_status, wxSizerFlags(1).CenterVertical());
  bottom->Add(documents, wxSizerFlags().Border(wxLEFT, 8));
  bottom->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  bottom->Add(close, wxSizerFlags().Border(wxLEFT, 8));

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(m_title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 10));
  top->Add(m_summary, wxSizerFlags().Expand().Border(wxALL, 10));
  top->Add(middle, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 10));
  top->Add(bottom, wxSizerFlags().Expand().Border(wxALL, 10));
  panel->SetSizer(top);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(panel, wxSizerFlags(1).Expand());
  SetSizer(outer);
}

wxPanel* CaseView::BuildTimelinePage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  m_timeline = MakeReportList(page, "timeline",
                              {{_("When"), 130}, {_("Level"), 90}, {_("Who"), 150}, {_("Action"), 120},
                               {_("From"), 130}, {_("To"), 130}, {_("Opinion"), 420}});
  // A cell cannot wrap: the selected step's whole opinion shows below.
  auto* opinion = new wxStaticText(page, wxID_ANY, _("Select a step to read its whole opinion."));
  opinion->SetName("step_opinion");
  m_timeline->Bind(wxEVT_LIST_ITEM_SELECTED, [this, opinion, page](wxListEvent& e) {
    const auto row = static_cast<std::size_t>(e.GetIndex());
    if (!m_record || row >= m_record->steps.size()) return;
    const auto& step = m_record->steps[row];
    opinion->SetLabel(ActionLabel(step.action) + wxS(": ") +
                      (step.opinion.empty() ? _("(no opinion stated)") : Wx(step.opinion)));
    opinion->Wrap(page->GetClientSize().x - 16);
    page->Layout();
  });
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(m_timeline, wxSizerFlags(1).Expand().Border(wxALL, 4));
  sizer->Add(opinion, wxSizerFlags().Expand().Border(wxALL, 4));
  page->SetSizer(sizer);
  return page;
}

wxPanel* CaseView::BuildRecordsPage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  m_surveys = MakeReportList(page, "surveys",
                             {{_("Surveyed on"), 100}, {_("Surveyors"), 140}, {_("Members present"), 120},
                              {_("Findings"), 300}, {_("Recorded by"), 160}});
  m_evidence = MakeReportList(page, "evidence",
                              {{_("Kind"), 180}, {_("Title"), 220}, {_("Note"), 200}, {_("Added by"), 180}});
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(page, wxID_ANY, _("Home surveys")), wxSizerFlags().Border(wxALL, 4));
  sizer->Add(m_surveys, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 4));
  sizer->Add(new wxStaticText(page, wxID_ANY, _("Evidence")), wxSizerFlags().Border(wxALL, 4));
  sizer->Add(m_evidence, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 4));
  page->SetSizer(sizer);
  return page;
}

wxPanel* CaseView::BuildAmountPage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  m_proposal = new wxStaticText(page, wxID_ANY, wxEmptyString);
  m_proposal->SetName("proposal");
  m_working = new wxListBox(page, wxID_ANY);
  m_working->SetName("working");
  m_benefits = MakeReportList(page, "benefits", {{_("From month"), 100}, {_("Monthly"), 110}, {_("One-off"), 110}});
  m_payments = MakeReportList(page, "payments", {{_("Month"), 90}, {_("Kind"), 90}, {_("Amount"), 110}});
  auto* lists = new wxBoxSizer(wxHORIZONTAL);
  auto* benefits = new wxBoxSizer(wxVERTICAL);
  benefits->Add(new wxStaticText(page, wxID_ANY, _("Decided benefits")));
  benefits->Add(m_benefits, wxSizerFlags(1).Expand());
  auto* payments = new wxBoxSizer(wxVERTICAL);
  payments->Add(new wxStaticText(page, wxID_ANY, _("Recent payments")));
  payments->Add(m_payments, wxSizerFlags(1).Expand());
  lists->Add(benefits, wxSizerFlags(1).Expand());
  lists->Add(payments, wxSizerFlags(1).Expand().Border(wxLEFT, 8));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(m_proposal, wxSizerFlags().Expand().Border(wxALL, 4));
  sizer->Add(m_working, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 4));
  sizer->Add(lists, wxSizerFlags(1).Expand().Border(wxALL, 4));
  page->SetSizer(sizer);
  return page;
}

wxString CaseView::StatusText() const { return m_status->GetLabel(); }

void CaseView::SetState(State state) {
  m_state = state;
  m_actionsPanel->Enable(state == State::Ready);
}

void CaseView::ShowStatus(const wxString& text, bool error) {
  m_status->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_status->SetLabel(text);
  m_status->SetToolTip(text);
}

void CaseView::Reload() {
  SetState(State::Loading);
  m_referrals->Reload();
  const auto id = m_caseId;
  struct Loaded {
    std::optional<dal::CaseRecord> record;
    std::int64_t maxFileBytes = 0;
  };
  m_worker.Run<Loaded>(
      this, [id](dal::pg::PgDatabase& db) { return Loaded{db.Cases().Load(id), db.Attachments().MaxBytes()}; },
      [this](Loaded loaded) {
        auto& record = loaded.record;
        m_maxFileBytes = loaded.maxFileBytes;
        if (!record) {
          SetState(State::LoadFailed);
          ShowStatus(_("This case cannot be found (or is outside your scope)."), true);
          return;
        }
        m_record = std::move(record);
        m_actions = workstation::ActionsFor(*m_record, m_session.identity.group, Today());
        AddAttachmentsPage();
        Fill();
        SetState(State::Ready);
      },
      [this](const JobFailure& failure) {
        SetState(m_record ? State::Ready : State::LoadFailed);
        ShowStatus(wxString::Format(_("The case could not be loaded: %s"), failure.message), true);
      });
}

void CaseView::AddAttachmentsPage() {
  const auto& s = m_record->summary;
  const bool authorizationMissing =
      std::any_of(m_record->missing.begin(), m_record->missing.end(),
                  [](const dal::MissingRequirement& m) { return m.requirement == "authorization"; });
  if (m_attachments != nullptr) {
    // The page reads its files itself (after its own writes, and on Refresh):
    // a case reload after an attach would read them a second time.
    m_attachments->SetAuthorizationMissing(authorizationMissing);
    return;
  }
  AttachmentsPanel::Scope scope;
  scope.owners = {{wxString::Format(_("Case %lld"), static_cast<long long>(s.id)), {"case", s.id}},
                  {_("The household"), {"household", s.householdId}}};
  scope.householdId = s.householdId;
  m_attachments = new AttachmentsPanel(m_pages, m_context, std::move(scope));
  m_attachments->SetAuthorizationMissing(authorizationMissing);
  m_attachments->SetDialogRunner([this](wxDialog& dialog) { return m_runDialog(dialog); });
  m_attachments->OnChanged([this] { Reload(); });
  m_pages->AddPage(m_attachments, _("Files"));
  m_attachments->Reload();
}

void CaseView::Fill() {
  const auto& s = m_record->summary;
  SetTitle(wxString::Format(_("Case %lld - %s"), static_cast<long long>(s.id), Wx(s.applicantName)));
  m_title->SetLabel(Wx(s.applicantName) + wxS("  ·  ") + Wx(s.regionName) + wxS("  ·  ") + Wx(s.programName) +
                    wxS("  ·  ") + StateLabel(s.state));
  FillSummary();
  FillTimeline();
  FillRecords();
  FillAmount();
  FillActions();
  Layout();
}

void CaseView::FillSummary() {
  const auto& r = *m_record;
  const auto& s = r.summary;
  wxString text = wxString::Format(_("Case %lld, version %d, order of steps: %s. Opened %s by %s; accepted on %s."),
                                   static_cast<long long>(s.id), s.version, StepOrderLabel(s.stepOrder), Wx(r.openedAt),
                                   Wx(r.openedBy), r.acceptedOn.empty() ? _("(not yet)") : Wx(r.acceptedOn));
  text += wxS("\n") + wxString::Format(_("This step is due %s; the whole process is due %s%s."),
                                       DueText(s.stepDue, s.stepDueCertain),
                                       DueText(s.overallDue, s.overallDueCertain),
                                       r.limitExtended ? _(" (extended limit)") : wxString());
  if (const wxString word = DeadlineWord(s.deadline); !word.empty()) text += wxS("  [") + word + wxS("]");
  if (!s.stepDueCertain || !s.overallDueCertain) {
    text += wxS("\n") + _("? = counted over a year whose holiday calendar is not loaded: uncertain.");
  }
  if (!r.noticeStart.empty()) {
    text += wxS("\n") + wxString::Format(_("Public notice: %s to %s."), Wx(r.noticeStart), Wx(r.noticeEnd));
  }
  if (s.closeRelative) {
    text += wxS("\n") + wxString::Format(_("Close relative of staff (county survey): %s"), Wx(r.closeRelativeNote));
  }
  if (!r.personName.empty()) text += wxS("\n") + wxString::Format(_("For: %s"), Wx(r.personName));
  if (r.followsCaseId != 0) {
    text += wxS("\n") + wxString::Format(_("Follows case %lld."), static_cast<long long>(r.followsCaseId));
  }
  if (!r.followedBy.empty()) {
    wxString cases;
    for (const std::int64_t id : r.followedBy) {
      if (!cases.empty()) cases += wxS("、");
      cases += wxString::Format("%lld", static_cast<long long>(id));
    }
    text += wxS("\n") + wxString::Format(_("Followed by case %s."), cases);
  }
  m_summary->SetLabel(text);
  m_summary->SetForegroundColour(s.deadline == dal::DeadlineStatus::Overdue ? kOverdueText : GetForegroundColour());
}

void CaseView::FillTimeline() {
  m_timeline->DeleteAllItems();
  for (const auto& step : m_record->steps) {
    const wxString who = step.actorName.empty() ? Wx(step.actor) : Wx(step.actorName);
    AddReportRow(m_timeline, {Wx(step.actedAt), LevelLabel(step.level), who, ActionLabel(step.action),
                              step.fromState.empty() ? wxString() : StateLabel(step.fromState),
                              StateLabel(step.toState), Wx(step.opinion)});
  }
}

void CaseView::FillRecords() {
  m_surveys->DeleteAllItems();
  for (const auto& survey : m_record->surveys) {
    AddReportRow(m_surveys, {Wx(survey.surveyedOn), Joined(survey.surveyors, wxS("、")), Wx(survey.membersPresent),
                             Wx(survey.findings), WhoWhen(survey.recordedBy, survey.recordedAt)});
  }
  m_evidence->DeleteAllItems();
  for (const auto& evidence : m_record->evidence) {
    AddReportRow(m_evidence, {EvidenceKindLabel(evidence.kind), Wx(evidence.title), Wx(evidence.note),
                              WhoWhen(evidence.addedBy, evidence.addedAt)});
  }
}

void CaseView::FillAmount() {
  const auto& proposal = m_record->proposal;
  m_working->Clear();
  if (proposal) {
    m_proposal->SetLabel(wxString::Format(_("Proposed: %s a month, %s one-off (by %s, %s)"), Yuan(proposal->monthly),
                                          Yuan(proposal->oneOff), Wx(proposal->proposedBy), Wx(proposal->proposedAt)));
    for (const auto& line : proposal->working) m_working->Append(Wx(line));
  } else {
    m_proposal->SetLabel(_("No amount proposed yet."));
  }
  m_benefits->DeleteAllItems();
  for (const auto& benefit : m_record->benefits) {
    AddReportRow(m_benefits, {Wx(benefit.effectiveMonth), Yuan(benefit.monthly), Yuan(benefit.oneOff)});
  }
  m_payments->DeleteAllItems();
  for (const auto& line : m_record->recentPayments) {
    AddReportRow(m_payments, {Wx(line.month), line.kind == "one_off" ? _("One-off") : _("Monthly"), Yuan(line.amount)});
  }
}

void CaseView::FillActions() {
  m_actionsPanel->DestroyChildren();
  m_actionsSizer->Clear();
  if (m_actions.empty()) {
    m_actionsSizer->Add(new wxStaticText(m_actionsPanel, wxID_ANY, _("Nothing for you to do on this case now.")));
  }
  for (const auto& choice : m_actions) {
    const std::string action(choice.rule.action);
    auto* button = new wxButton(m_actionsPanel, wxID_ANY, ActionLabel(action) + wxS("..."));
    button->SetName("action_" + Wx(action));
    button->Enable(choice.Possible());
    button->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { TakeAction(action); });
    const wxString note = choice.Possible() ? wxS("→ ") + StateLabel(choice.rule.to) : WhyNot(choice);
    auto* line = new wxStaticText(m_actionsPanel, wxID_ANY, note);
    line->Wrap(240);
    if (!choice.Possible()) line->SetForegroundColour(kOverdueText);
    m_actionsSizer->Add(button, wxSizerFlags().Expand().Border(wxTOP, 6));
    m_actionsSizer->Add(line, wxSizerFlags().Border(wxLEFT | wxBOTTOM, 4));
  }
  m_actionsPanel->Layout();
}

bool CaseView::OffersSurvey() const {
  if (m_state != State::Ready || !m_record) return false;
  // A close relative of staff is surveyed by the county.
  const auto operation = m_record->summary.closeRelative ? model::StaffOperation::RecordCloseRelativeSurvey
                                                         : model::StaffOperation::RecordSurvey;
  return Offers(m_session, operation, m_record->summary.state);
}

bool CaseView::OffersEvidence() const {
  if (m_state != State::Ready || !m_record) return false;
  return Offers(m_session, model::StaffOperation::AddEvidence, m_record->summary.state);
}

bool CaseView::OffersAmount() const {
  if (m_state != State::Ready || !m_record) return false;
  return Offers(m_session, model::StaffOperation::ProposeAmount, m_record->summary.state);
}

bool CaseView::OffersExtension() const {
  if (m_state != State::Ready || !m_record) return false;
  // The limit runs from acceptance to the decision; the database says the same.
  return Offers(m_session, model::StaffOperation::ExtendLimit, m_record->summary.state) && !m_record->limitExtended &&
         !m_record->summary.overallDue.empty();
}

void CaseView::ExtendLimit() {
  if (!OffersExtension()) return;
  // The reason is required: an objection during the notice, an applicant
  // living away from the registration, a hard survey.
  OpinionDialog dialog(this, _("Extend the time limit"), Wx(m_record->summary.overallDue), _("the extended limit"), true);
  if (m_runDialog(dialog) != wxID_OK) return;
  const std::string reason = dialog.Opinion();
  const auto id = m_caseId;
  RunWrite("extend", [id, reason](dal::pg::PgDatabase& db, const std::string& requestId) {
    db.Cases().ExtendLimit(id, reason, requestId);
  }, _("The time limit is extended."));
}

void CaseView::TakeAction(const std::string& action) {
  const auto it = std::find_if(m_actions.begin(), m_actions.end(),
                               [&](const workstation::CaseActionChoice& c) { return c.rule.action == action; });
  if (m_state != State::Ready || it == m_actions.end() || !it->Possible()) return;
  OpinionDialog dialog(this, ActionLabel(action), StateLabel(it->rule.from), StateLabel(it->rule.to),
                       it->rule.opinionRequired);
  if (m_runDialog(dialog) != wxID_OK) return;
  const std::string opinion = dialog.Opinion();
  const auto id = m_caseId;
  const auto version = m_record->summary.version;
  RunWrite("transition:" + action + "@" + std::to_string(version),
           [id, action, version, opinion](dal::pg::PgDatabase& db, const std::string& requestId) {
             db.Cases().Transition(id, action, version, opinion, requestId);
           },
           wxString::Format(_("Done: %s."), ActionLabel(action)));
}

void CaseView::RecordSurvey() {
  if (!OffersSurvey()) return;
  SurveyDialog dialog(this, Today());
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto survey = dialog.Survey();
  const auto id = m_caseId;
  RunWrite("survey", [id, survey](dal::pg::PgDatabase& db, const std::string& requestId) {
    db.Cases().RecordSurvey(id, survey, requestId);
  }, _("The home survey is recorded."));
}

void CaseView::AddEvidence() {
  if (!OffersEvidence()) return;
  // Offer first the kind an action is waiting for.
  EvidenceDialog dialog(this, workstation::EvidenceWanted(m_actions), m_maxFileBytes);
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto evidence = dialog.Evidence();
  const auto id = m_caseId;
  auto file = workstation::ToNewAttachment(dialog.File(), {"evidence", 0}, workstation::EvidenceFileKind(evidence.kind),
                                          evidence.note);
  RunWrite("evidence:" + evidence.kind + ":" + evidence.title + ":" + file.fileName,
           [id, evidence, file = std::move(file)](dal::pg::PgDatabase& db, const std::string& requestId) {
             db.Cases().AddEvidenceWithFile(id, evidence, file, requestId);
           },
           _("The evidence and its file are added."));
}

void CaseView::ProposeAmount() {
  if (!OffersAmount()) return;
  const auto summary = m_record->summary;
  ShowStatus(_("Reading the household and the program parameters..."), false);
  m_worker.Run<AmountInputs>(
      this,
      [summary](dal::pg::PgDatabase& db) {
        const auto inForce = [&](const model::ParameterKey& key) -> std::optional<std::string> {
          const auto row =
              db.Parameters().Effective(std::string(key.program), summary.regionCode, std::string(key.key), Today());
          return row ? std::optional(row->value) : std::nullopt;
        };
        return AmountInputs{summary.program, db.Registry().LoadHousehold(summary.householdId),
                            model::AmountParameterValues(summary.program, inForce)};
      },
      [this](AmountInputs inputs) {
        ShowStatus({}, false);
        AmountDialog dialog(this, std::move(inputs));
        if (m_runDialog(dialog) != wxID_OK || !dialog.Proposal()) return;
        const auto proposal = *dialog.Proposal();
        const auto id = m_caseId;
        RunWrite("amount", [id, proposal](dal::pg::PgDatabase& db, const std::string& requestId) {
          db.Cases().ProposeAmount(id, proposal, requestId);
        }, _("The amount is proposed."));
      },
      [this](const JobFailure& failure) { ShowStatus(failure.message, true); });
}

void CaseView::RunWrite(const std::string& what, Write write, const wxString& done) {
  SetState(State::Writing);
  ShowStatus(_("Saving..."), false);
  m_write.Run(m_worker, this, what, std::move(write),
              {done,
               _("Someone else acted on this case meanwhile: it is shown again as it is now. Check it and try again."),
               _("Not confirmed: %s Try again when the connection is back (a step that did arrive is not taken "
                 "twice).")},
              [this](bool wrote) {
                if (!wrote) {
                  SetState(State::Ready);
                  return;
                }
                Reload();
                m_context.CasesChanged();
              },
              [this](const wxString& text, bool isError) { ShowStatus(text, isError); });
}

std::vector<reports::CaseDocumentKind> CaseView::DocumentKinds() const {
  return m_record ? reports::KindsFor(*m_record) : std::vector<reports::CaseDocumentKind>{};
}

// A pop-up menu under the button: one entry per document the case has now.
void CaseView::ShowDocumentMenu(wxWindow* button) {
  wxMenu menu;
  for (const auto kind : DocumentKinds()) {
    const int id = wxWindow::NewControlId();
    menu.Append(id, DocumentKindLabel(kind));
    menu.Bind(wxEVT_MENU, [this, kind](wxCommandEvent&) { OpenDocument(kind); }, id);
  }
  button->PopupMenu(&menu, 0, button->GetSize().y);
}

void CaseView::OpenDocument(reports::CaseDocumentKind kind) {
  if (!m_record || m_openingDocument) return;
  m_openingDocument = true;
  ShowStatus(wxString::Format(_("Preparing the %s..."), DocumentKindLabel(kind)), false);
  DocumentRequest request;
  request.of = DocumentRequest::Of::Case;
  request.id = m_caseId;
  request.kind = kind;
  gui::OpenDocument(
      this, this, m_documentWorker, m_session, request,
      [this](DocumentPreview* preview) {
        m_openingDocument = false;
        m_preview = preview;
        ShowStatus({}, false);
      },
      [this](const wxString& message) {
        m_openingDocument = false;
        ShowStatus(message, true);
      });
}

}  // namespace doudi::gui
