#include "intake/intake_panel.h"

#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/hyperlink.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/mstream.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>

#include "alerts/alert_view.h"
#include "app/session.h"
#include "cases/case_text.h"
#include "cases/new_case_dialog.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/dal/connection_profile.h"
#include "doudi/dal/referral_repository.h"
#include "intake/intake_forms.h"
#include "intake/intake_listener.h"
#include "intake/intake_text.h"
#include "referrals/referral_dialog.h"
#include "registry/household_editor.h"

namespace doudi::gui {
namespace {

// The detail's fields, in the order they show.
enum Field {
  kReceived,
  kReporter,
  kVillage,
  kName,
  kIdNumber,
  kPhone,
  kAddress,
  kCategory,
  kUrgency,
  kState,
  kDescription,
  kHandledBy,
  kOutcome,
  kClosed,
  kFieldCount
};

wxString FieldLabel(int field) {
  switch (field) {
    case kReceived: return _("Received:");
    case kReporter: return _("Reporter:");
    case kVillage: return _("Village:");
    case kName: return _("Full name:");
    case kIdNumber: return _("ID number:");
    case kPhone: return _("Phone:");
    case kAddress: return _("Address:");
    case kCategory: return _("Category:");
    case kUrgency: return _("Urgency:");
    case kState: return _("State:");
    case kDescription: return _("What happened:");
    case kHandledBy: return _("Handled by:");
    case kOutcome: return _("Outcome:");
    case kClosed: return _("Closed:");
    default: return wxString();
  }
}

wxString ActionLabel(workstation::IntakeAction action) {
  using A = workstation::IntakeAction;
  switch (action) {
    case A::LinkHousehold: return _("Link to a household...");
    case A::NewHousehold: return _("New household...");
    case A::OpenTemporary: return _("Open temporary assistance...");
    case A::Refer: return _("Refer to departments...");
    case A::Merge: return _("Merge...");
    case A::Close: return _("Close the report...");
  }
  return wxString();
}

const char* ActionName(workstation::IntakeAction action) {
  using A = workstation::IntakeAction;
  switch (action) {
    case A::LinkHousehold: return "link_household";
    case A::NewHousehold: return "new_household";
    case A::OpenTemporary: return "open_temporary";
    case A::Refer: return "refer";
    case A::Merge: return "merge";
    case A::Close: return "close";
  }
  return "";
}

constexpr int kThumbnail = 96;

wxString Number(std::int64_t id) { return wxString::Format(_("No. %lld"), static_cast<long long>(id)); }

// "李大妈's household, 悬渚村": whose household a dialog is about.
wxString Whose(const dal::IntakeReport& report) {
  return wxString::Format(_("%s's household, %s"), Wx(report.name), IntakeVillage(report));
}

}  // namespace

intake_detail::OwnWorker::OwnWorker(const std::string& connectionString)
    : worker(std::make_unique<DatabaseWorker>(dal::WithNetworkTimeouts(connectionString))) {}

Section IntakePanel::Describe() {
  return Section{[] { return _("Field reports"); },
                 [](const Session& session) { return session.May(model::StaffOperation::TriageReports); },
                 [](wxWindow* parent, Context& context) { return new IntakePanel(parent, context); }};
}

IntakePanel::IntakePanel(wxWindow* parent, Context& context)
    : OwnWorker(context.GetSession().connectionString), AsyncListPanel(parent, *worker), m_context(context) {
  m_filter = new wxChoice(this, wxID_ANY);
  m_filter->SetName("filter");
  m_filter->Append(_("Open reports"));
  m_filter->Append(_("All reports"));
  m_filter->SetSelection(0);
  auto* status = MakeStatusLine();
  m_liveLine = new wxStaticText(this, wxID_ANY, wxEmptyString);
  m_liveLine->SetName("live");
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));

  auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
  splitter->SetMinimumPaneSize(FromDIP(300));
  m_list = MakeReportList(splitter, "reports",
                          {{_("Received at"), 140}, {_("Village"), 90}, {_("Name"), 70}, {_("Category"), 95},
                           {_("Urgency"), 60}, {_("State"), 70}, {_("Reporter"), 100}});

  m_detail = new wxScrolledWindow(splitter, wxID_ANY);
  m_detail->SetName("detail");
  m_detail->SetScrollRate(0, FromDIP(10));
  m_heading = new wxStaticText(m_detail, wxID_ANY, wxEmptyString);
  m_heading->SetFont(m_heading->GetFont().Bold().Larger());
  m_fields = new wxFlexGridSizer(2, wxSize(FromDIP(8), FromDIP(3)));
  m_fields->AddGrowableCol(1);
  for (int field = 0; field < kFieldCount; ++field) {
    auto* label = new wxStaticText(m_detail, wxID_ANY, FieldLabel(field));
    m_fields->Add(label);
    auto* value = new wxStaticText(m_detail, wxID_ANY, wxEmptyString);
    m_fields->Add(value, wxSizerFlags().Expand());
    m_labels.push_back(label);
    m_values.push_back(value);
  }
  m_fields->Add(new wxStaticText(m_detail, wxID_ANY, _("Photos:")));
  m_photoStrip = new wxPanel(m_detail);
  m_photoStrip->SetName("photos");
  m_photoStrip->SetSizer(new wxBoxSizer(wxHORIZONTAL));
  m_fields->Add(m_photoStrip, wxSizerFlags().Expand());
  const auto link = [this](const char* name) {
    auto* control = new wxHyperlinkCtrl(m_detail, wxID_ANY, wxS(" "), wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                        wxHL_ALIGN_LEFT | wxNO_BORDER);
    control->SetName(name);
    return control;
  };
  // Each link, or a dash when the report has none of its kind.
  const auto linkRow = [this, &link](const wxString& label, const char* name) {
    m_fields->Add(new wxStaticText(m_detail, wxID_ANY, label));
    auto* control = link(name);
    auto* none = new wxStaticText(m_detail, wxID_ANY, wxS("-"));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(control);
    row->Add(none);
    m_fields->Add(row);
    m_noLinks.push_back(none);
    return control;
  };
  m_householdLink = linkRow(_("Household:"), "household");
  m_caseLink = linkRow(_("Case:"), "case");
  m_alertLink = linkRow(_("Alert:"), "alert");
  m_referralText = new wxStaticText(m_detail, wxID_ANY, wxEmptyString);
  m_fields->Add(new wxStaticText(m_detail, wxID_ANY, _("Referrals:")));
  m_fields->Add(m_referralText);

  m_actionBar = new wxPanel(m_detail);
  m_actionBar->SetSizer(new wxWrapSizer(wxHORIZONTAL));
  for (const auto action : {Action::LinkHousehold, Action::NewHousehold, Action::OpenTemporary, Action::Refer,
                            Action::Merge, Action::Close}) {
    auto* button = new wxButton(m_actionBar, wxID_ANY, ActionLabel(action));
    button->SetName(ActionName(action));
    button->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { Act(action); });
    m_actions.emplace_back(action, button);
  }
  m_detailStatus = new wxStaticText(m_detail, wxID_ANY, wxEmptyString);
  m_detailStatus->SetName("detail_status");

  auto* detail = new wxBoxSizer(wxVERTICAL);
  // The actions first: the fields may run below the fold.
  detail->Add(m_heading, wxSizerFlags().Border(wxALL, 8));
  detail->Add(m_actionBar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
  detail->Add(m_detailStatus, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  detail->Add(m_fields, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  m_detail->SetSizer(detail);
  // The detail keeps its width; the list takes what the window adds.
  splitter->SplitVertically(m_list, m_detail, -FromDIP(500));
  splitter->SetSashGravity(1.0);

  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, _("Show:")), wxSizerFlags().CenterVertical());
  bar->Add(m_filter, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  bar->Add(status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 12));
  bar->Add(m_liveLine, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(splitter, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  SetSizer(top);

  m_filter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Reload(); });
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { SelectRow(e.GetIndex()); });
  m_householdLink->Bind(wxEVT_HYPERLINK, [this](wxHyperlinkEvent&) {
    const auto* report = Selected();
    if (report == nullptr || !report->householdId) return;
    HouseholdEditor editor(this, m_context.GetWorkers().records, m_context.GetSession(), *report->householdId,
                           &m_context);
    m_runDialog(editor);
    if (editor.CaseToOpen()) m_context.OpenCase(*editor.CaseToOpen());
    if (editor.AlertToOpen()) AlertView::Show(this, m_context, *editor.AlertToOpen());
  });
  m_caseLink->Bind(wxEVT_HYPERLINK, [this](wxHyperlinkEvent&) {
    const auto* report = Selected();
    if (report != nullptr && report->caseId) m_context.OpenCase(*report->caseId);
  });
  m_alertLink->Bind(wxEVT_HYPERLINK, [this](wxHyperlinkEvent&) {
    const auto* report = Selected();
    if (report != nullptr && report->alertId) AlertView::Show(this, m_context, *report->alertId);
  });
  Bind(EVT_INTAKE_HEARD, [this](wxThreadEvent& e) {
    switch (static_cast<IntakeListener::Heard>(e.GetInt())) {
      case IntakeListener::Heard::Notified:
        Reload();
        break;
      case IntakeListener::Heard::Connected:
        // Whatever arrived while the listener was away was not heard.
        ShowLive(Live::Listening);
        Reload();
        break;
      case IntakeListener::Heard::Lost:
        ShowLive(Live::Reconnecting);
        break;
    }
  });

  ShowLive(Live::Connecting);
  ShowDetail();
  Reload();
  m_listener = std::make_unique<IntakeListener>(dal::WithNetworkTimeouts(context.GetSession().connectionString), this);
}

IntakePanel::~IntakePanel() {
  // The thread first: it may be queueing an event to this window.
  m_listener.reset();
}

void IntakePanel::ShowLive(Live live) {
  m_live = live;
  m_liveLine->SetLabel(LiveText());
  m_liveLine->SetForegroundColour(live == Live::Reconnecting ? kOverdueText : GetForegroundColour());
  Layout();
}

wxString IntakePanel::LiveText() const {
  switch (m_live) {
    case Live::Connecting: return _("Connecting to hear of new reports...");
    case Live::Listening: return _("Live: new reports appear by themselves");
    case Live::Reconnecting: return _("Reconnecting: new reports do not appear until the connection is back");
  }
  return wxString();
}

void IntakePanel::SetShowAll(bool all) {
  m_filter->SetSelection(all ? 1 : 0);
  Reload();
}

void IntakePanel::Reload() {
  // One read at a time: wake-ups that come meanwhile make one more.
  if (IsLoading()) {
    m_reloadAgain = true;
    return;
  }
  m_reloadAgain = false;
  BeginLoad(_("Reading the reports..."));
  dal::IntakeFilter filter;
  filter.openOnly = m_filter->GetSelection() == 0;
  const auto next = [this] {
    if (m_reloadAgain) Reload();
  };
  Load<std::vector<dal::IntakeReport>>(
      [filter](dal::pg::PgDatabase& db) { return db.Intake().Reports(filter); },
      [this, next](std::vector<dal::IntakeReport> reports) {
        m_reports = std::move(reports);
        m_news.Update(m_reports);
        m_writing = false;
        Fill();
        next();
      },
      [this, next](const JobFailure& failure) {
        if (!failure.cancelled) ShowStatus(failure.message);
        m_writing = false;
        ShowActions();
        next();
      });
}

long IntakePanel::RowOf(std::int64_t id) const {
  for (std::size_t i = 0; i < m_reports.size(); ++i) {
    if (m_reports[i].id == id) return static_cast<long>(i);
  }
  return -1;
}

const dal::IntakeReport* IntakePanel::Selected() const {
  if (!m_selectedId) return nullptr;
  const long row = RowOf(*m_selectedId);
  return row < 0 ? nullptr : &m_reports[static_cast<std::size_t>(row)];
}

void IntakePanel::Fill() {
  m_list->Freeze();
  m_list->DeleteAllItems();
  const wxFont bold = m_list->GetFont().Bold();
  for (const auto& report : m_reports) {
    const long row = AddReportRow(m_list, {Wx(report.receivedAt), IntakeVillage(report), Wx(report.name),
                                           IntakeCategoryLabel(report.category), IntakeUrgencyLabel(report.urgency),
                                           IntakeStateLabel(report.state), Wx(report.reporterName)});
    if (workstation::IsUrgent(report) && workstation::IsOpen(report)) m_list->SetItemTextColour(row, kOverdueText);
    if (m_news.IsNew(report.id)) m_list->SetItemFont(row, bold);
  }
  if (m_selectedId) {
    const long row = RowOf(*m_selectedId);
    if (row >= 0) {
      m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    } else {
      m_selectedId.reset();  // closed or merged under the open filter
    }
  }
  m_list->Thaw();
  const std::size_t open = workstation::OpenCount(m_reports);
  wxString status = m_filter->GetSelection() == 0 ? wxString::Format(_("%zu open reports"), open)
                                                  : wxString::Format(_("%zu reports, %zu open"), m_reports.size(), open);
  if (m_news.NewCount() > 0) status += wxS("  ") + wxString::Format(_("(%zu new, in bold)"), m_news.NewCount());
  ShowStatus(status);
  ShowTabLabel();
  ShowDetail();
}

void IntakePanel::ShowTabLabel() {
  auto* book = dynamic_cast<wxBookCtrlBase*>(GetParent());
  if (book == nullptr) return;
  const int page = book->FindPage(this);
  if (page == wxNOT_FOUND) return;
  const std::size_t open = workstation::OpenCount(m_reports);
  book->SetPageText(static_cast<std::size_t>(page),
                    open > 0 ? wxString::Format(_("Field reports (%zu)"), open) : _("Field reports"));
}

void IntakePanel::SelectRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_reports.size()) return;
  const auto id = m_reports[static_cast<std::size_t>(row)].id;
  if (m_list->GetItemState(row, wxLIST_STATE_SELECTED) == 0) {
    m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  }
  if (m_news.IsNew(id)) {
    m_news.Seen(id);
    m_list->SetItemFont(row, m_list->GetFont());
  }
  if (m_selectedId == id) return;
  m_selectedId = id;
  ShowDetailStatus(wxString(), false);
  ShowDetail();
}

void IntakePanel::ShowDetail() {
  const auto* report = Selected();
  m_detail->Freeze();
  for (std::size_t i = 0; i < m_values.size(); ++i) m_values[i]->SetLabel(wxString());
  if (report == nullptr) {
    m_heading->SetLabel(m_reports.empty() ? _("No report to triage.") : _("Choose a report in the list."));
    m_fields->ShowItems(false);
    m_photosOf.reset();
  } else {
    const auto& r = *report;
    m_fields->ShowItems(true);
    m_heading->SetLabel(wxString::Format(_("Report %s: %s, %s"), Number(r.id), Wx(r.name), IntakeVillage(r)));
    const auto set = [this](int field, const wxString& text) {
      m_values[static_cast<std::size_t>(field)]->SetLabel(text);
    };
    set(kReceived, Wx(r.receivedAt));
    set(kReporter, Wx(r.reporterName));
    set(kVillage, wxString::Format("%s (%s)", IntakeVillage(r), Wx(r.regionCode)));
    set(kName, Wx(r.name));
    set(kIdNumber, r.idNumberMasked.empty() ? _("not given") : Wx(r.idNumberMasked));
    set(kPhone, Wx(r.phone));
    set(kAddress, Wx(r.address));
    set(kCategory, IntakeCategoryLabel(r.category));
    set(kUrgency, IntakeUrgencyLabel(r.urgency));
    set(kState, IntakeStateLabel(r.state));
    set(kDescription, Wx(r.description));
    m_values[static_cast<std::size_t>(kDescription)]->Wrap(FromDIP(380));
    set(kHandledBy, Wx(r.handledBy));
    wxString outcome;
    if (!r.outcome.empty()) {
      outcome = IntakeOutcomeLabel(r.outcome);
      if (r.mergedInto) outcome += wxS(" ") + Number(*r.mergedInto);
      if (!r.outcomeNote.empty()) outcome += wxS(": ") + Wx(r.outcomeNote);
    }
    set(kOutcome, outcome);
    m_values[static_cast<std::size_t>(kOutcome)]->Wrap(FromDIP(380));
    set(kClosed, r.closedAt.empty() ? wxString() : wxString::Format(_("%s by %s"), Wx(r.closedAt), Wx(r.closedBy)));
    const auto showLink = [this](std::size_t index, wxHyperlinkCtrl* control, const std::optional<std::int64_t>& id) {
      if (id) control->SetLabel(Number(*id));
      control->Show(id.has_value());
      m_noLinks[index]->Show(!id.has_value());
    };
    showLink(0, m_householdLink, r.householdId);
    showLink(1, m_caseLink, r.caseId);
    showLink(2, m_alertLink, r.alertId);
    // What only a handled or closed report has.
    for (const int field : {kHandledBy, kOutcome, kClosed}) {
      const bool shown = !m_values[static_cast<std::size_t>(field)]->GetLabel().empty();
      m_labels[static_cast<std::size_t>(field)]->Show(shown);
      m_values[static_cast<std::size_t>(field)]->Show(shown);
    }
    m_referralText->SetLabel(r.referralSendId
                                 ? wxString::Format(_("Send %s (its referrals show in the household's file)"),
                                                    Number(*r.referralSendId))
                                 : wxString(wxS("-")));
    if (m_photosOf != r.id) LoadPhotos();
  }
  ShowActions();
  m_detail->Thaw();
  m_detail->FitInside();
  m_detail->Layout();
}

void IntakePanel::LoadPhotos() {
  const auto* report = Selected();
  m_photoStrip->DestroyChildren();
  m_thumbnails.clear();
  m_photos.clear();
  m_photosOf = report != nullptr ? std::optional(report->id) : std::nullopt;
  if (report == nullptr) return;
  if (report->photoCount == 0) {
    m_photoStrip->GetSizer()->Add(new wxStaticText(m_photoStrip, wxID_ANY, _("none")));
    m_photoStrip->Layout();
    return;
  }
  const auto id = report->id;
  m_photoStrip->GetSizer()->Add(new wxStaticText(m_photoStrip, wxID_ANY, _("Loading the photos...")));
  Worker().Run<std::vector<dal::IntakePhoto>>(
      this, [id](dal::pg::PgDatabase& db) { return db.Intake().Photos(id); },
      [this, id](std::vector<dal::IntakePhoto> photos) {
        if (m_photosOf == id) ShowPhotos(std::move(photos));
      },
      [this, id](const JobFailure& failure) {
        if (m_photosOf != id) return;
        m_photoStrip->DestroyChildren();
        m_photoStrip->GetSizer()->Add(new wxStaticText(m_photoStrip, wxID_ANY, failure.message));
        m_photosOf.reset();  // read again when shown again
        m_detail->Layout();
      });
}

void IntakePanel::ShowPhotos(std::vector<dal::IntakePhoto> photos) {
  m_photoStrip->DestroyChildren();
  m_thumbnails.clear();
  m_photos.clear();
  for (const auto& photo : photos) {
    wxMemoryInputStream stream(photo.content.data(), photo.content.size());
    wxImage image;
    if (!image.LoadFile(stream, Wx(photo.mediaType)) || !image.IsOk()) {
      m_photoStrip->GetSizer()->Add(new wxStaticText(m_photoStrip, wxID_ANY, _("(a photo that does not decode)")),
                                    wxSizerFlags().Border(wxRIGHT, 6));
      continue;
    }
    m_photos.emplace_back(image);
    const int edge = FromDIP(kThumbnail);
    const double scale = std::min(static_cast<double>(edge) / image.GetWidth(),
                                  static_cast<double>(edge) / image.GetHeight());
    if (scale < 1.0) {
      image.Rescale(std::max(1, static_cast<int>(image.GetWidth() * scale)),
                    std::max(1, static_cast<int>(image.GetHeight() * scale)), wxIMAGE_QUALITY_HIGH);
    }
    auto* thumbnail = new wxStaticBitmap(m_photoStrip, wxID_ANY, wxBitmap(image));
    thumbnail->SetName(wxString::Format("photo_%d", photo.position));
    thumbnail->SetCursor(wxCursor(wxCURSOR_HAND));
    thumbnail->SetToolTip(_("Click to see it larger"));
    const std::size_t index = m_photos.size() - 1;
    thumbnail->Bind(wxEVT_LEFT_UP, [this, index](wxMouseEvent&) {
      if (index >= m_photos.size()) return;
      const auto* report = Selected();
      PhotoDialog dialog(this, report != nullptr ? wxString::Format(_("Photo of report %s"), Number(report->id))
                                                 : wxString(),
                         m_photos[index]);
      m_runDialog(dialog);
    });
    m_photoStrip->GetSizer()->Add(thumbnail, wxSizerFlags().Border(wxRIGHT, 6));
    m_thumbnails.push_back(thumbnail);
  }
  m_photoStrip->Layout();
  m_detail->FitInside();
  m_detail->Layout();
}

bool IntakePanel::Permits(Action action) const {
  const Session& session = m_context.GetSession();
  switch (action) {
    case Action::NewHousehold: return session.May(model::StaffOperation::EditRegistry);
    case Action::OpenTemporary: return session.May(model::StaffOperation::OpenCase);
    case Action::Refer: return session.May(model::StaffOperation::ReferHouseholds);
    default: return session.May(model::StaffOperation::TriageReports);
  }
}

bool IntakePanel::Offers(Action action) const {
  const auto* report = Selected();
  return report != nullptr && !m_writing && Permits(action) &&
         workstation::IntakeActionReady(action, *report, m_reports);
}

wxButton* IntakePanel::ActionButton(Action action) const {
  for (const auto& [a, button] : m_actions) {
    if (a == action) return button;
  }
  return nullptr;
}

void IntakePanel::ShowActions() {
  const auto* report = Selected();
  const auto order = report != nullptr ? workstation::IntakeActions(*report) : std::vector<Action>{};
  auto* sizer = m_actionBar->GetSizer();
  sizer->Clear(false);
  for (const auto& [action, button] : m_actions) button->Hide();
  for (const auto action : order) {
    if (!Permits(action)) continue;  // a village clerk does not refer: the township does
    wxButton* button = ActionButton(action);
    button->Show();
    button->Enable(Offers(action));
    sizer->Add(button, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, 6));
  }
  if (report != nullptr && !report->householdId) {
    ActionButton(Action::OpenTemporary)->SetToolTip(_("Link the report to a household first (or register one)."));
    ActionButton(Action::Refer)->SetToolTip(_("Link the report to a household first (or register one)."));
  } else {
    ActionButton(Action::OpenTemporary)->UnsetToolTip();
    ActionButton(Action::Refer)->UnsetToolTip();
  }
  m_actionBar->Layout();
  m_detail->Layout();
}

void IntakePanel::ShowDetailStatus(const wxString& text, bool error) {
  m_detailStatus->SetLabel(text);
  m_detailStatus->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_detailStatus->Wrap(FromDIP(420));
  m_detail->FitInside();
  m_detail->Layout();
}

wxString IntakePanel::DetailStatus() const { return m_detailStatus->GetLabel(); }

void IntakePanel::Act(Action action) {
  if (!Offers(action)) return;
  switch (action) {
    case Action::LinkHousehold: LinkHousehold(); break;
    case Action::NewHousehold: NewHousehold(); break;
    case Action::OpenTemporary: OpenTemporary(); break;
    case Action::Refer: Refer(); break;
    case Action::Merge: Merge(); break;
    case Action::Close: CloseReport(); break;
  }
}

void IntakePanel::Write(const std::string& what,
                        std::function<void(dal::pg::PgDatabase&, std::int64_t id, int version)> write,
                        const wxString& done) {
  const auto* report = Selected();
  if (report == nullptr || m_writing) return;
  const auto id = report->id;
  const int version = report->version;
  m_writing = true;
  ShowActions();
  ShowDetailStatus(_("Saving..."), false);
  m_write.Run(Worker(), this, what + "@" + std::to_string(id) + "." + std::to_string(version),
              [write = std::move(write), id, version](dal::pg::PgDatabase& db, const std::string&) {
                write(db, id, version);
              },
              {done,
               _("Someone else acted on this report meanwhile: it is shown again as it is now. Check it and try "
                 "again."),
               _("Not confirmed: %s Look at the report again once the connection is back.")},
              [this](bool wrote) {
                // The buttons stay off until the report is read again (its new version).
                if (wrote) {
                  Reload();
                } else {
                  m_writing = false;
                  ShowActions();
                }
              },
              [this](const wxString& text, bool isError) { ShowDetailStatus(text, isError); });
}

void IntakePanel::LinkReport(const dal::IntakeLink& link, const wxString& done) {
  Write("link", [link](dal::pg::PgDatabase& db, std::int64_t id, int version) { db.Intake().Link(id, version, link); },
        done);
}

void IntakePanel::LinkHousehold() {
  const auto id = Selected()->id;
  ShowDetailStatus(_("Looking for households the report may be about..."), false);
  Worker().Run<std::vector<dal::IntakeCandidate>>(
      this, [id](dal::pg::PgDatabase& db) { return db.Intake().Candidates(id); },
      [this, id](std::vector<dal::IntakeCandidate> candidates) {
        if (m_selectedId != id || Selected() == nullptr) return;
        if (candidates.empty()) {
          ShowDetailStatus(_("No household in the registry has the report's ID number, or its name in its village: "
                             "register a new household."),
                           false);
          return;
        }
        std::vector<std::vector<wxString>> rows;
        for (const auto& c : candidates) {
          wxString village = Wx(c.regionCode);
          for (const auto& region : m_context.GetSession().regions) {
            if (region.code == c.regionCode) village = Wx(region.name);
          }
          rows.push_back({Wx(c.personName), Wx(c.idNumberMasked), village,
                          c.matchedBy == "id_number" ? _("ID number") : _("Name and village"), Number(c.householdId)});
        }
        PickDialog dialog(this, _("Link to a household"),
                          wxString::Format(_("Households the report on %s may be about. Choose the family's."),
                                           Wx(Selected()->name)),
                          _("Link"),
                          {{_("Name"), 80}, {_("ID number"), 160}, {_("Village"), 100}, {_("Matched by"), 90},
                           {_("Household"), 80}},
                          rows);
        ShowDetailStatus(wxString(), false);
        if (m_runDialog(dialog) != wxID_OK || !dialog.Chosen()) return;
        const auto& chosen = candidates[*dialog.Chosen()];
        dal::IntakeLink link;
        link.householdId = chosen.householdId;
        LinkReport(link, wxString::Format(_("The report is linked to %s's household (%s)."), Wx(chosen.personName),
                                          Number(chosen.householdId)));
      },
      [this](const JobFailure& failure) { ShowDetailStatus(failure.message, true); });
}

void IntakePanel::NewHousehold() {
  const auto report = *Selected();
  HouseholdEditor editor(this, m_context.GetWorkers().records, m_context.GetSession(), std::nullopt);
  editor.StartWith(workstation::HouseholdFromReport(report),
                   wxString::Format(_("Register %s's household from the report: the name, village, address and phone "
                                      "come from it. Type the ID number from the family's ID card (the report gives "
                                      "%s), then the other members."),
                                    Wx(report.name),
                                    report.idNumberMasked.empty() ? _("none") : Wx(report.idNumberMasked)));
  m_runDialog(editor);
  if (!editor.HouseholdId() || m_selectedId != report.id) return;
  dal::IntakeLink link;
  link.householdId = editor.HouseholdId();
  LinkReport(link, wxString::Format(_("The household is registered (%s) and linked to the report."),
                                    Number(*editor.HouseholdId())));
}

void IntakePanel::OpenTemporary() {
  const auto report = *Selected();
  NewCaseDialog dialog(this, m_context.GetWorkers().cases, *report.householdId, Whose(report));
  dialog.PreferProgram("temporary");
  if (m_runDialog(dialog) != wxID_OK || !dialog.CaseId()) return;
  m_context.CasesChanged();
  if (m_selectedId != report.id) return;
  dal::IntakeLink link;
  link.caseId = dialog.CaseId();
  LinkReport(link, wxString::Format(_("Case %s is opened and linked to the report."), Number(*dialog.CaseId())));
}

void IntakePanel::Refer() {
  const auto report = *Selected();
  ReferralDialog dialog(this, m_context.GetWorkers().cases,
                        ReferralTarget{*report.householdId, report.caseId, report.alertId, report.regionCode,
                                       Whose(report)});
  if (m_runDialog(dialog) != wxID_OK || dialog.ReferralIds().empty() || m_selectedId != report.id) return;
  const auto referral = dialog.ReferralIds().front();
  // The dialog gives the referrals; the report keeps their send.
  Write("refer",
        [referral](dal::pg::PgDatabase& db, std::int64_t id, int version) {
          dal::IntakeLink link;
          if (const auto sent = db.Referrals().Get(referral)) link.referralSendId = sent->sendId;
          db.Intake().Link(id, version, link);
        },
        wxString::Format(_("%zu referrals are sent and linked to the report."), dialog.ReferralIds().size()));
}

void IntakePanel::Merge() {
  const auto report = *Selected();
  const auto targets = workstation::MergeTargets(report, m_reports);
  std::vector<std::vector<wxString>> rows;
  for (const auto& t : targets) {
    rows.push_back({Number(t.id), Wx(t.receivedAt), Wx(t.name), IntakeCategoryLabel(t.category),
                    IntakeStateLabel(t.state), Wx(t.reporterName)});
  }
  PickDialog dialog(this, _("Merge into another report"),
                    _("Open reports of the same name in the same village. This report is closed into the one chosen, "
                      "and its reporter sees that one's state."),
                    _("Merge"),
                    {{_("Report"), 70}, {_("Received at"), 125}, {_("Name"), 70}, {_("Category"), 95}, {_("State"), 70},
                     {_("Reporter"), 100}},
                    rows);
  if (m_runDialog(dialog) != wxID_OK || !dialog.Chosen() || m_selectedId != report.id) return;
  const auto into = targets[*dialog.Chosen()].id;
  Write("merge:" + std::to_string(into),
        [into](dal::pg::PgDatabase& db, std::int64_t id, int version) { db.Intake().Merge(id, version, into); },
        wxString::Format(_("The report is merged into report %s."), Number(into)));
}

void IntakePanel::CloseReport() {
  const auto report = *Selected();
  CloseReportDialog dialog(this, report.caseId           ? "case_opened"
                                 : report.referralSendId ? "referred"
                                                         : "helped");
  if (m_runDialog(dialog) != wxID_OK || m_selectedId != report.id) return;
  const auto outcome = dialog.Outcome();
  const auto note = dialog.Note();
  Write("close:" + outcome + ":" + note,
        [outcome, note](dal::pg::PgDatabase& db, std::int64_t id, int version) {
          db.Intake().Close(id, version, outcome, note);
        },
        wxString::Format(_("The report is closed: %s."), IntakeOutcomeLabel(outcome)));
}

}  // namespace doudi::gui
