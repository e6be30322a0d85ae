#include "registry/household_editor.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/display.h>
#include <wx/grid.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <stdexcept>

#include "alerts/household_alerts.h"
#include "app/session.h"
#include "attachments/attachments_panel.h"
#include "common/conflict_dialog.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/wx_text.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/alert_rule.h"
#include "doudi/model/masking.h"
#include "doudi/model/money.h"
#include "doudi/workstation/household_merge.h"
#include "funds/household_help.h"
#include "matching/matching_panel.h"
#include "referrals/referral_dialog.h"
#include "registry/asset_grid.h"
#include "registry/draft_directory.h"
#include "registry/household_fields_panel.h"
#include "registry/id_card_panel.h"
#include "registry/income_grid.h"
#include "story/household_story_panel.h"

namespace doudi::gui {

using namespace household;

namespace {
// Not kSaveId: GTK would replace a stock Save button's label with its own,
// in the system's language rather than the workstation's.
const int kSaveId = wxWindow::NewControlId();
}  // namespace

HouseholdEditor::HouseholdEditor(wxWindow* parent, DatabaseWorker& worker, const Session& session,
                                 std::optional<std::int64_t> householdId, Context* context)
    : wxDialog(parent, wxID_ANY,
               householdId ? wxString::Format(_("Household No. %lld"), static_cast<long long>(*householdId))
                           : _("New household"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_worker(worker),
      m_session(session),
      m_edit(
          householdId, !session.May(model::StaffOperation::EditRegistry),
          workstation::DraftStore(DefaultDraftDirectory()),
          workstation::DatabaseIdentity(session.connectionString, session.server.database, session.identity.roleName)),
      m_household(m_edit.Edited()),
      m_context(householdId ? context : nullptr) {
  m_resolver = [this](const model::Household& base, const model::Household& theirs,
                      const model::Household& mine) -> std::optional<model::Household> {
    std::map<std::string, std::string> names;
    for (const auto& region : m_session.regions) names[region.code] = region.name;
    ConflictDialog dialog(this, base, theirs, mine, std::move(names));
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return dialog.MergedHousehold();
  };
  m_draftPrompt = [this](const wxString& when) {
    const wxString question =
        HouseholdId() ? wxString::Format(_("A draft of this household from %s was not saved. Restore it?"), when)
                      : wxString::Format(_("A draft of a new household from %s was not saved. Restore it?"), when);
    wxMessageDialog ask(this, question, _("Unsaved draft"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Restore the draft"), _("&Discard the draft"));
    return ask.ShowModal() == wxID_YES;
  };
  m_existingPrompt = [this](const dal::PersonSummary&, const wxString& question) {
    wxMessageDialog ask(this, question, _("Already registered"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Open that household"), _("&Stay here"));
    return ask.ShowModal() == wxID_YES;
  };
  m_draftTimer.SetOwner(this);

  BuildForm();
  BindEvents();
  if (IsReadOnly()) MakeReadOnly();

  if (HouseholdId()) {
    Load();
  } else {
    // A desk that serves one village needs not choose it.
    model::Household blank;
    blank.regionCode = m_fields->OnlyRegion();
    m_edit.StartNew(std::move(blank));
    Fill();
    ShowState();
    // Once the dialog runs, so the question appears over the form.
    CallAfter([this] { Safely([this] { OfferDraft(); }); });
  }
}

void HouseholdEditor::StartWith(model::Household household, const wxString& note) {
  if (HouseholdId() || GetState() != State::Editing || IsReadOnly()) return;
  // The blank stays the base: the form differs from it, so it is saved and drafted.
  m_household = std::move(household);
  Fill();
  ShowStatus(note, false);
}

// ---------------------------------------------------------------- layout

void HouseholdEditor::BuildForm() {
  auto* top = new wxBoxSizer(wxVERTICAL);
  m_status = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  m_status->SetMinSize(wxSize(FromDIP(100), -1));
  top->Add(m_status, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));
  if (HouseholdId() && model::HandlesAnyAlert(m_session.Role())) {
    m_openAlerts = new HouseholdAlerts(this, m_worker, [this](std::int64_t alertId) {
      Safely([&] {
        if (!ConfirmClose()) return;
        m_alertToOpen = alertId;
        Finish(true);
      });
    });
    top->Add(m_openAlerts, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));
  }

  // A stored household's editor with a context has two pages: the form and 匹配.
  wxWindow* formParent = this;
  if (m_context != nullptr) {
    m_pages = new wxNotebook(this, wxID_ANY);
    m_pages->SetName("household_pages");
    formParent = m_pages;
  }
  m_form = new wxPanel(formParent);
  auto* form = new wxBoxSizer(wxVERTICAL);

  // Household fields, two per row, in reading order (the tab order).
  m_fields = new HouseholdFieldsPanel(m_form, m_session, m_household, [this](const std::function<void()>& edit) {
    Safely([&] {
      edit();
      Revalidate();
    });
  });
  form->Add(m_fields, wxSizerFlags().Expand().Border(wxBOTTOM));

  // A grid with its buttons on the right and its message line below.
  const auto table = [&](Table which, const wxString& title,
                         const std::function<HouseholdGrid*(wxWindow * parent)>& makeGrid,
                         const std::vector<std::pair<wxString, std::function<void()>>>& buttons) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, m_form, title);
    wxWindow* parent = box->GetStaticBox();
    HouseholdGrid* grid = makeGrid(parent);
    m_grids[Index(which)] = grid;
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(grid, wxSizerFlags(1).Expand());
    auto* buttonColumn = new wxBoxSizer(wxVERTICAL);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
      auto* button = new wxButton(parent, wxID_ANY, buttons[i].first);
      button->Bind(wxEVT_BUTTON, [this, action = buttons[i].second](wxCommandEvent&) { Safely(action); });
      // The first button adds a row; the others act on the cursor's row.
      if (i > 0) {
        button->Bind(wxEVT_UPDATE_UI, [grid](wxUpdateUIEvent& e) {
          e.Enable(grid->GetNumberRows() > 0 && grid->GetGridCursorRow() >= 0);
        });
      }
      buttonColumn->Add(button, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
      m_rowButtons.push_back(button);
    }
    row->Add(buttonColumn, wxSizerFlags().Border(wxLEFT));
    box->Add(row, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(4)));
    auto* message =
        new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    message->SetMinSize(wxSize(FromDIP(100), -1));
    message->SetForegroundColour(kErrorText);
    grid->SetMessageLine(message);
    box->Add(message, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    return box;
  };
  const auto cursorRow = [this](Table which) { return Grid(which)->GetGridCursorRow(); };

  // The members, and beside them the ID card box (读卡 and the card read last).
  auto* people = new wxBoxSizer(wxHORIZONTAL);
  people->Add(table(Table::Members, _("Members"),
                    [this](wxWindow* parent) {
                      // Who an income item belongs to follows the members.
                      m_members = new MemberGrid(parent, m_household, [this] { m_incomes->RefreshMemberChoices(); });
                      return m_members;
                    },
                    {{_("Add &member"), [this] { AddRow(Table::Members); }},
                     {_("Remo&ve member"), [this, cursorRow] { RemoveRow(Table::Members, cursorRow(Table::Members)); }},
                     {_("Make &head"), [this, cursorRow] { MakeHead(cursorRow(Table::Members)); }}}),
              wxSizerFlags(1).Expand());
  if (!IsReadOnly()) {
    auto* cardBox = new wxStaticBoxSizer(wxVERTICAL, m_form, _("ID card"));
    m_cardPanel = new IdCardPanel(
        cardBox->GetStaticBox(), m_worker, m_session.settingsFiles,
        IdCardPanel::Handlers{[this] { return HouseholdId(); },
                              [this](const workstation::IdCardData& card) { Safely([&] { FillFromCard(card); }); },
                              [this](const dal::PersonSummary& person) { Safely([&] { OfferExisting(person); }); }});
    cardBox->Add(m_cardPanel, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(4)));
    people->Add(cardBox, wxSizerFlags().Expand().Border(wxLEFT));
  }
  form->Add(people, wxSizerFlags(3).Expand().Border(wxBOTTOM));

  auto* lists = new wxBoxSizer(wxHORIZONTAL);
  lists->Add(table(Table::Incomes, _("Monthly income"),
                   [this](wxWindow* parent) {
                     m_incomes = new IncomeGrid(parent, m_household);
                     return m_incomes;
                   },
                   {{_("Add &income"), [this] { AddRow(Table::Incomes); }},
                    {_("Remove income"), [this, cursorRow] { RemoveRow(Table::Incomes, cursorRow(Table::Incomes)); }}}),
             wxSizerFlags(1).Expand().Border(wxRIGHT));
  lists->Add(table(Table::Assets, _("Assets"),
                   [this](wxWindow* parent) {
                     m_assets = new AssetGrid(parent, m_household);
                     return m_assets;
                   },
                   {{_("Add a&sset"), [this] { AddRow(Table::Assets); }},
                    {_("Remove asset"), [this, cursorRow] { RemoveRow(Table::Assets, cursorRow(Table::Assets)); }}}),
             wxSizerFlags(1).Expand());
  form->Add(lists, wxSizerFlags(2).Expand().Border(wxBOTTOM));

  m_perCapita = new wxStaticText(m_form, wxID_ANY, wxString());
  m_perCapita->SetFont(m_perCapita->GetFont().Bold());
  form->Add(m_perCapita, wxSizerFlags().Border(wxLEFT));
  m_form->SetSizer(form);
  if (m_pages != nullptr) {
    m_pages->AddPage(m_form, _("Household"), true);
    m_matching = new MatchingPanel(m_pages, *m_context, *HouseholdId(), true);
    m_matching->SetCaseOpener([this](std::int64_t caseId) {
      Safely([&] {
        if (!ConfirmClose()) return;
        m_caseToOpen = caseId;
        Finish(true);
      });
    });
    m_pages->AddPage(m_matching, _("Matching"));
    // 经历: the household's whole story; a case or alert opens as from 匹配.
    const auto closeFor = [this](std::optional<std::int64_t>& what) {
      return [this, &what](std::int64_t id) {
        Safely([&] {
          if (!ConfirmClose()) return;
          what = id;
          Finish(true);
        });
      };
    };
    m_story = new HouseholdStoryPanel(m_pages, *m_context, *HouseholdId(), closeFor(m_caseToOpen),
                                      closeFor(m_alertToOpen), true);
    m_pages->AddPage(m_story, _("Story"));
    m_help = new HouseholdHelpPanel(m_pages, *m_context, *HouseholdId(), [this] {
      const model::Person* head = m_household.Head();
      return HouseholdHelpPanel::Household{m_household.regionCode, head ? Wx(head->name) : wxString()};
    });
    m_pages->AddPage(m_help, _("Help received"));
    AttachmentsPanel::Scope files;
    files.owners = {{_("The household"), {"household", *HouseholdId()}}};
    files.moreOwners = [this] {
      std::vector<OwnerChoice> members;
      for (const auto& person : m_household.members) {
        if (person.id) members.push_back({Wx(person.name), {"member", *person.id}});
      }
      return members;
    };
    files.householdId = *HouseholdId();
    m_attachments = new AttachmentsPanel(m_pages, *m_context, std::move(files));
    m_pages->AddPage(m_attachments, _("Files"));
    m_pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
      e.Skip();
      wxWindow* page = m_pages->GetPage(static_cast<std::size_t>(e.GetSelection()));
      if (page == m_matching) m_matching->Reload();
      if (page == m_story) m_story->Reload();
      if (page == m_help) m_help->Reload();
      if (page == m_attachments) m_attachments->Reload();
    });
    top->Add(m_pages, wxSizerFlags(1).Expand().Border(wxALL));
  } else {
    top->Add(m_form, wxSizerFlags(1).Expand().Border(wxALL));
  }

  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  m_retry = new wxButton(this, wxID_ANY, _("Try again"));
  m_retry->Hide();
  bottom->Add(m_retry);
  if (OffersReferral()) {
    m_refer = new wxButton(this, wxID_ANY, _("Refer to departments..."));
    m_refer->SetName("refer");
    m_refer->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Refer(); });
    bottom->Add(m_refer, wxSizerFlags().Border(wxLEFT, 8));
  }
  bottom->AddStretchSpacer();
  auto* buttons = new wxStdDialogButtonSizer;
  // Labelled here, so the doudi catalog alone translates them.
  m_save = new wxButton(this, kSaveId, _("&Save"));
  m_cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
  buttons->SetAffirmativeButton(m_save);  // AddButton ignores a button without a stock id
  buttons->AddButton(m_cancel);
  buttons->Realize();
  bottom->Add(buttons);
  top->Add(bottom, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM));
  SetSizer(top);

  // Esc cancels (through the Cancel button, so the unsaved-changes prompt
  // applies); no default button, so Enter in a field or grid never closes.
  SetEscapeId(wxID_CANCEL);
  wxAcceleratorEntry keys[1];
  keys[0].Set(wxACCEL_CTRL, 'S', kSaveId);
  SetAcceleratorTable(wxAcceleratorTable(1, keys));

  // 1180x720 fits a 1366x768 desk with its task bar; a smaller screen gets
  // all of its work area.
  const wxRect area = wxDisplay(GetParent() ? GetParent() : static_cast<wxWindow*>(this)).GetClientArea();
  SetSize(wxSize(std::min(FromDIP(1180), area.width), std::min(FromDIP(720), area.height)));
  SetMinSize(wxSize(std::min(FromDIP(820), area.width), std::min(FromDIP(560), area.height)));
  CentreOnParent();
}

void HouseholdEditor::BindEvents() {
  const auto save = [this](wxCommandEvent&) { Save(); };
  Bind(wxEVT_BUTTON, save, kSaveId);
  Bind(wxEVT_MENU, save, kSaveId);  // Ctrl+S
  Bind(
      wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(CanSave()); }, kSaveId);
  Bind(
      wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(GetState() != State::Saving); }, wxID_CANCEL);
  Bind(
      wxEVT_BUTTON,
      [this](wxCommandEvent&) {
        Safely([this] {
          if (ConfirmClose()) Finish(true);
        });
      },
      wxID_CANCEL);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
    if (!e.CanVeto()) {
      // Closed without asking (e.g. the session ends): the changes stay as
      // a draft, offered at the next opening.
      Safely([this] { WriteDraftNow(); });
      Finish(false);
      return;
    }
    bool close = true;
    Safely([&] { close = ConfirmClose(); });
    if (!close) {
      e.Veto();
      return;
    }
    Finish(true);
  });
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { Safely([this] { WriteDraftNow(); }); }, m_draftTimer.GetId());
  // Esc while a cell is being edited abandons that edit only; the dialog
  // would otherwise see it first and close.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_ESCAPE) {
      for (wxGrid* grid : m_grids) {
        if (!grid->IsCellEditControlShown()) continue;
        if (wxGridCellEditor* editor = grid->GetCellEditor(grid->GetGridCursorRow(), grid->GetGridCursorCol())) {
          editor->Reset();
          editor->DecRef();
        }
        grid->DisableCellEditControl();
        Safely([this] { ShowIssues(); });
        return;
      }
    }
    e.Skip();
  });
  m_retry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Safely([this] { Load(); }); });

  for (const Table table : {Table::Members, Table::Incomes, Table::Assets}) {
    HouseholdGrid* grid = Grid(table);
    grid->Bind(wxEVT_GRID_CELL_CHANGED,
               [this, table](wxGridEvent& e) { Safely([&] { ApplyCell(table, e.GetRow(), e.GetCol()); }); });
    grid->Bind(wxEVT_GRID_SELECT_CELL, [this, grid](wxGridEvent& e) {
      e.Skip();
      Safely([&] { grid->ShowMessageAt(e.GetRow(), e.GetCol()); });
    });
    // The problem of the cell under the mouse, as a tooltip.
    grid->GetGridWindow()->Bind(wxEVT_MOTION, [grid](wxMouseEvent& e) {
      e.Skip();
      const wxPoint at = grid->CalcUnscrolledPosition(e.GetPosition());
      const wxString tip = grid->CellIssue(grid->YToRow(at.y), grid->XToCol(at.x));
      wxWindow* window = grid->GetGridWindow();
      if (tip.empty()) {
        if (window->GetToolTip()) window->UnsetToolTip();
      } else if (window->GetToolTipText() != tip) {
        window->SetToolTip(tip);
      }
    });
  }
  MemberGrid* members = m_members;
  // The card box follows the selected member (the cursor moves after the event).
  members->Bind(wxEVT_GRID_SELECT_CELL, [this, members](wxGridEvent& e) {
    e.Skip();
    if (e.GetRow() != members->GetGridCursorRow()) Safely([&] { ShowMemberCard(e.GetRow()); });
  });
  members->Bind(wxEVT_GRID_EDITOR_CREATED, [this, members](wxGridEditorCreatedEvent& e) {
    e.Skip();
    if (e.GetCol() != MemberGrid::kIdNumber) return;
    if (auto* text = wxDynamicCast(e.GetWindow(), wxTextCtrl)) {
      text->Bind(wxEVT_TEXT, [this, text, members](wxCommandEvent& te) {
        te.Skip();
        if (members->GetGridCursorCol() != MemberGrid::kIdNumber) return;
        Safely([&] { members->ShowIdHint(members->GetGridCursorRow(), text->GetValue()); });
      });
    }
  });
  // After an edit ends (saved or not), the message line shows problems again.
  members->Bind(wxEVT_GRID_EDITOR_HIDDEN, [this](wxGridEvent& e) {
    e.Skip();
    CallAfter([this] { Safely([this] { ShowIssues(); }); });
  });
}

void HouseholdEditor::MakeReadOnly() {
  m_fields->MakeReadOnly();
  for (wxGrid* grid : m_grids) grid->EnableEditing(false);
  for (wxButton* button : m_rowButtons) button->Hide();
  m_save->Hide();
  m_cancel->SetLabel(_("&Close"));
}

// ---------------------------------------------------------------- loading and filling

void HouseholdEditor::Load() {
  if (!HouseholdId()) return;
  m_edit.StartLoading();
  ShowState();
  const std::int64_t id = *HouseholdId();
  m_worker.Run<std::optional<model::Household>>(
      this, [id](dal::pg::PgDatabase& db) { return db.Registry().LoadHousehold(id); },
      [this](std::optional<model::Household> household) {
        Safely([&] {
          if (!m_edit.Loaded(std::move(household))) {
            ShowState();
            ShowStatus(_("This household does not exist any more, or it is outside your region."), true);
            return;
          }
          Fill();
          ShowState();
          if (m_openAlerts != nullptr) m_openAlerts->Load(*HouseholdId());
          OfferDraft();
        });
      },
      [this](const JobFailure& failure) {
        Safely([&] {
          m_edit.LoadFailed();
          ShowState();
          ShowStatus(wxString::Format(_("The household could not be loaded: %s"), failure.message), true);
        });
      });
}

void HouseholdEditor::Fill() {
  m_fields->Fill(m_edit.Base(), IsReadOnly());
  m_members->Fill();
  m_incomes->Fill();
  m_assets->Fill();

  if (HouseholdId()) {
    const model::Person* head = m_household.Head();
    SetTitle(
        head && !head->name.empty()
            ? wxString::Format(_("Household of %s (No. %lld)"), Wx(head->name), static_cast<long long>(*HouseholdId()))
            : wxString::Format(_("Household No. %lld"), static_cast<long long>(*HouseholdId())));
  }
  Revalidate();
  m_form->Layout();
  ShowMemberCard(m_members->GetGridCursorRow());
}

void HouseholdEditor::ShowMemberCard(int row) {
  if (m_cardPanel == nullptr || row < 0 || static_cast<std::size_t>(row) >= m_household.members.size()) return;
  m_cardPanel->ShowMember(m_household.members[static_cast<std::size_t>(row)]);
}

// ---------------------------------------------------------------- editing

void HouseholdEditor::ApplyCell(Table table, int row, int column) {
  HouseholdGrid* grid = Grid(table);
  if (row < 0 || row >= grid->GetNumberRows()) return;
  grid->ApplyCell(row, column);
  Revalidate();
}

void HouseholdEditor::EditCell(Table table, int row, int column, const wxString& text) {
  Safely([&] {
    HouseholdGrid* grid = Grid(table);
    if (row < 0 || row >= grid->GetNumberRows() || column < 0 || column >= grid->GetNumberCols()) return;
    if (grid->IsReadOnly(row, column) || IsReadOnly()) return;
    grid->SetCellValue(row, column, text);
    ApplyCell(table, row, column);
  });
}

void HouseholdEditor::FillFromCard(const workstation::IdCardData& card) {
  if (IsReadOnly() || GetState() != State::Editing) return;
  CommitPendingCellEdit();
  const auto& members = m_household.members;
  const auto find = [&](const std::function<bool(const model::Person&)>& match) {
    const auto it = std::find_if(members.begin(), members.end(), match);
    return it == members.end() ? -1 : static_cast<int>(it - members.begin());
  };
  int row = find([&](const model::Person& p) { return p.idNumber == card.idNumber; });
  if (row < 0) row = find([](const model::Person& p) { return p.idNumber.empty() && p.name.empty(); });
  if (row < 0) {
    AddRow(Table::Members);
    row = m_members->GetNumberRows() - 1;
  }
  // As if typed: the grid derives sex and birth date from the number.
  EditCell(Table::Members, row, MemberGrid::kName, Wx(model::NormalizeName(card.name)));
  EditCell(Table::Members, row, MemberGrid::kIdNumber, Wx(card.idNumber));
  // Ethnicity, authority, validity and photo: recorded with the save, when
  // the database can keep them.
  auto& member = m_household.members[static_cast<std::size_t>(row)];
  member.card = workstation::FactsOf(card);
  if (member.card) {
    member.card->idNumber = member.idNumber;  // as the grid wrote it (x → X)
  } else {
    ShowStatus(_("The card's ethnicity or issuing authority cannot be stored: its name and number are in the form, "
                 "what else it says is not kept."),
               true);
  }
  m_members->FillCard(row);
  Revalidate();
  if (m_household.address.empty() && !card.address.empty()) {
    if (auto* address = dynamic_cast<wxTextCtrl*>(FieldControl("address"))) address->SetValue(Wx(card.address));
  }
  // The relation is the one thing a card cannot say.
  m_members->GoToCell(row, MemberGrid::kRelation);
}

void HouseholdEditor::OfferExisting(const dal::PersonSummary& person) {
  const wxString question = wxString::Format(
      _("%s (%s) is already registered, in a household at %s, %s. Open that household instead of registering the "
        "person again?"),
      Wx(person.name), Wx(person.maskedIdNumber), Wx(person.regionName), Wx(person.address));
  if (!m_existingPrompt(person, question)) return;
  if (!ConfirmClose()) return;
  m_householdToOpen = person.householdId;
  Finish(true);
}

void HouseholdEditor::AddRow(Table table) {
  if (IsReadOnly() || GetState() != State::Editing) return;
  CommitPendingCellEdit();
  HouseholdGrid* grid = Grid(table);
  const int column = grid->AppendRow();
  const int row = grid->GetNumberRows() - 1;
  Revalidate();
  grid->GoToCell(row, column);
  grid->SetFocus();
}

void HouseholdEditor::RemoveRow(Table table, int row) {
  if (IsReadOnly() || GetState() != State::Editing) return;
  CommitPendingCellEdit();
  HouseholdGrid* grid = Grid(table);
  if (row < 0 || row >= grid->GetNumberRows()) return;
  grid->EraseRow(row);
  Revalidate();
  grid->SetFocus();
  // The cursor's row is another member now, without a cell event.
  if (table == Table::Members) ShowMemberCard(grid->GetGridCursorRow());
}

void HouseholdEditor::MakeHead(int row) {
  if (IsReadOnly() || GetState() != State::Editing) return;
  CommitPendingCellEdit();
  if (row < 0 || ToIndex(row) >= m_household.members.size()) return;
  m_members->MakeHead(row);
  Revalidate();
  if (m_household.members.size() > 1) {
    ShowStatus(_("Check each member's relation to the new head of the household."), false);
  }
  const bool onFirstRow = m_members->GetGridCursorRow() == 0;  // then moving there is no cell event
  m_members->GoToCell(0, MemberGrid::kRelation);
  if (onFirstRow) ShowMemberCard(0);
}

// ---------------------------------------------------------------- validation

void HouseholdEditor::Revalidate() {
  m_issues.clear();
  if (!IsReadOnly()) {
    for (const auto& issue : model::Validate(m_household, Today())) {
      if (IsUnchangedMasked(issue.field)) continue;
      m_issues.push_back(ShownIssue{issue.field, IssueMessage(issue)});
    }
    const wxString notAmount = _("Enter an amount in yuan, such as 1200 or 1200.50.");
    for (const HouseholdGrid* grid : {static_cast<HouseholdGrid*>(m_incomes), static_cast<HouseholdGrid*>(m_assets)}) {
      for (auto& issue : grid->UnreadableAmounts(notAmount)) m_issues.push_back(std::move(issue));
    }
  }
  ShowIssues();
  UpdateIncomeSummary();
}

// A masked value (an ID or account the user's role may not see in full)
// arrives invalid by design and is kept by the repository when sent back
// unchanged; only a changed one is checked.
bool HouseholdEditor::IsUnchangedMasked(const std::string& field) const {
  if (field == "bank_account") {
    return model::IsMaskedBankAccount(m_household.bankAccount) && m_household.bankAccount == m_edit.Base().bankAccount;
  }
  const FieldPath path = ParseFieldPath(field);
  if (path.collection != "members" || !path.index || path.name != "id_number") return false;
  if (*path.index >= m_household.members.size()) return false;
  const model::Person& p = m_household.members[*path.index];
  if (!p.id || !model::IsMaskedIdNumber(p.idNumber)) return false;
  return std::any_of(m_edit.Base().members.begin(), m_edit.Base().members.end(),
                     [&p](const model::Person& stored) { return stored.id == p.id && stored.idNumber == p.idNumber; });
}

void HouseholdEditor::ShowIssues() {
  if (m_fields->ShowIssues(m_issues)) m_form->Layout();
  for (HouseholdGrid* grid : m_grids) grid->ShowIssues(m_issues);
}

void HouseholdEditor::UpdateIncomeSummary() {
  const int members = ToInt(m_household.members.size());
  try {
    m_perCapita->SetLabel(wxString::Format(
        wxPLURAL("Per-capita monthly income: %s (household total %s, %d member)",
                 "Per-capita monthly income: %s (household total %s, %d members)", static_cast<unsigned>(members)),
        Yuan(m_household.PerCapitaMonthlyIncome()), Yuan(m_household.TotalMonthlyIncome()), members));
  } catch (const std::overflow_error&) {
    m_perCapita->SetLabel(_("The income amounts are too large to add up; check them."));
  }
}

// ---------------------------------------------------------------- state, saving, closing

bool HouseholdEditor::IsDirty() const {
  return m_edit.IsChanged() || m_incomes->HasUnreadableAmount() || m_assets->HasUnreadableAmount();
}

bool HouseholdEditor::CanSave() const {
  return GetState() == State::Editing && !IsReadOnly() && m_issues.empty() && IsDirty();
}

wxString HouseholdEditor::StatusText() const {
  return m_status->GetLabel();
}

wxWindow* HouseholdEditor::FieldControl(const std::string& field) const {
  return m_fields->FieldControl(field);
}

void HouseholdEditor::ShowState() {
  const State state = GetState();
  m_form->Enable(state == State::Editing);
  const bool retry = state == State::LoadFailed;
  if (m_retry->IsShown() != retry) {
    m_retry->Show(retry);
    Layout();
  }
  switch (state) {
    case State::Loading:
      ShowStatus(_("Loading the household..."), false);
      break;
    case State::Saving:
      ShowStatus(_("Saving..."), false);
      break;
    case State::Editing:
      ShowStatus(IsReadOnly() ? _("You can view this household; your role cannot change it.") : wxString(), false);
      break;
    case State::LoadFailed:
      break;  // the caller says why
  }
}

void HouseholdEditor::ShowStatus(const wxString& text, bool error) {
  m_status->SetForegroundColour(error ? kErrorText : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  m_status->SetFont(error ? GetFont().Bold() : GetFont());
  m_status->SetLabel(text);
  m_status->SetToolTip(text);
  if (error && !text.empty()) wxBell();
}

void HouseholdEditor::CommitPendingCellEdit() {
  for (wxGrid* grid : m_grids) {
    if (grid->IsCellEditControlEnabled()) {
      grid->SaveEditControlValue();
      grid->DisableCellEditControl();
    }
  }
}

void HouseholdEditor::Save() {
  Safely([this] {
    if (!m_edit.MaySave()) return;
    CommitPendingCellEdit();
    if (!CanSave()) {
      if (!m_issues.empty()) ShowStatus(_("Not saved: correct the problems marked in red first."), true);
      return;
    }
    auto request = m_edit.BeginSave();
    ShowState();
    m_worker.Run<workstation::SaveOutcome>(
        this,
        [request = std::move(request)](dal::pg::PgDatabase& db) {
          // Conflicts are caught on the worker, because a JobFailure
          // carries only text and the editor needs the stored version.
          return workstation::SaveHousehold(db.Registry(), request.household, request.requestId);
        },
        [this](workstation::SaveOutcome result) { Safely([&] { OnSaveResult(std::move(result)); }); },
        [this](const JobFailure& failure) {
          Safely([&] {
            m_edit.SaveFailed(failure.connectionLost);
            ShowState();
            // The form keeps everything typed; saving again is the remedy.
            ShowStatus(failure.connectionLost
                           ? wxString::Format(_("The save could not be confirmed: %s Your changes are kept; save "
                                                "again when the connection is back (a save that did arrive is not "
                                                "applied twice)."),
                                              failure.message)
                           : wxString::Format(_("Not saved: %s"), failure.message),
                       true);
          });
        });
  });
}

void HouseholdEditor::OnSaveResult(workstation::SaveOutcome result) {
  using AfterSave = workstation::HouseholdEditSession::AfterSave;
  const AfterSave next = m_edit.SaveCompleted(std::move(result));
  ShowState();
  switch (next) {
    case AfterSave::Saved:
      Fill();
      ShowStatus(_("Saved."), false);
      m_cancel->SetLabel(_("&Close"));
      break;
    case AfterSave::SavedOutOfScope:
      Revalidate();
      ShowStatus(_("Saved. The household is now outside your region and cannot be shown again."), false);
      m_cancel->SetLabel(_("&Close"));
      break;
    case AfterSave::SameChangesSaved:
      Fill();
      ShowStatus(_("Another user saved the same changes meanwhile; there is nothing left to save."), false);
      break;
    case AfterSave::SaveCardReads:
      Fill();
      if (CanSave()) {
        ShowStatus(_("Another user saved the same changes meanwhile; the ID cards read here are being stored with "
                     "their version."),
                   false);
        Save();
      } else {
        ShowStatus(_("Another user saved the same changes meanwhile; the ID cards read here are stored with the "
                     "next save, once the problems shown are corrected."),
                   true);
      }
      break;
    case AfterSave::ResolveConflict:
      ResolveConflict();
      break;
    case AfterSave::Gone:
      ShowStatus(_("Not saved: another user has removed this household meanwhile."), true);
      break;
  }
}

void HouseholdEditor::ResolveConflict() {
  using AfterMerge = workstation::HouseholdEditSession::AfterMerge;
  std::optional<model::Household> merged;
  if (m_resolver && m_edit.Theirs()) merged = m_resolver(m_edit.Base(), *m_edit.Theirs(), m_household);
  switch (m_edit.ApplyMerge(std::move(merged))) {
    case AfterMerge::Declined:
      ShowStatus(_("Not saved: another user changed this household meanwhile. Save again to compare their changes "
                   "with yours."),
                 true);
      return;
    case AfterMerge::NothingToSave:
      Fill();
      ShowStatus(_("The form now shows the other user's version; you kept none of your values, so there is "
                   "nothing to save."),
                 false);
      return;
    case AfterMerge::SaveMerged:
      Fill();
      if (CanSave()) {
        Save();  // against their version, with the user's choices
      } else {
        ShowStatus(_("Your choices are in the form. Correct the problems marked in red, then save."), true);
      }
      return;
  }
}

bool HouseholdEditor::ConfirmClose() {
  if (GetState() == State::Saving) {
    wxBell();  // the save's outcome is still coming
    return false;
  }
  if (IsReadOnly() || GetState() != State::Editing) return true;
  CommitPendingCellEdit();
  if (!IsDirty()) return true;
  wxMessageDialog ask(this, _("Discard your unsaved changes to this household?"), _("Unsaved changes"),
                      wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
  ask.SetYesNoLabels(_("&Discard changes"), _("&Keep editing"));
  return ask.ShowModal() == wxID_YES;
}

void HouseholdEditor::ShowMatching() {
  if (m_pages != nullptr) ShowPage(m_matching, [this] { m_matching->Reload(); });
}

void HouseholdEditor::ShowStory() {
  if (m_pages != nullptr) ShowPage(m_story, [this] { m_story->Reload(); });
}

void HouseholdEditor::ShowPage(wxWindow* page, const std::function<void()>& reload) {
  const int index = m_pages->FindPage(page);
  if (m_pages->GetSelection() == index) {
    reload();
  } else {
    m_pages->SetSelection(static_cast<std::size_t>(index));  // reloads on the page change
  }
}

void HouseholdEditor::Finish(bool discardDraft) {
  m_draftTimer.Stop();
  m_edit.Finish(discardDraft);
  const int code = m_edit.SavedOnce() ? wxID_OK : wxID_CANCEL;
  if (IsModal()) {
    EndModal(code);
  } else {
    SetReturnCode(code);
    Destroy();
  }
}

// ---------------------------------------------------------------- drafts

void HouseholdEditor::OfferDraft() {
  if (m_edit.DraftsActive() || IsReadOnly()) return;
  if (std::optional<workstation::Draft> draft = m_edit.DraftToOffer()) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(draft->writtenAt.time_since_epoch()).count();
    const wxString when = wxDateTime(static_cast<time_t>(seconds)).Format(wxS("%Y-%m-%d %H:%M"));
    if (!m_draftPrompt || !m_draftPrompt(when)) {
      m_edit.DeclineDraft();
    } else {
      const bool newerStored = m_edit.RestoreDraft(std::move(*draft));
      Fill();
      ShowStatus(newerStored ? _("Your draft is restored. Another user has saved this household since; saving will "
                                 "show their changes beside yours.")
                             : _("Your draft is restored: check it, then save."),
                 false);
    }
  }
  m_edit.StartDrafts();
  m_draftTimer.Start(kDraftIntervalMs);
}

bool HouseholdEditor::WriteDraftNow() {
  const auto write = m_edit.WriteDraft();
  if (write.failure) {
    ShowStatus(wxString::Format(_("Your changes could not be kept as a draft: %s"), Wx(*write.failure)), false);
  }
  return write.written;
}

void HouseholdEditor::Safely(const std::function<void()>& body) {
  try {
    body();
  } catch (const std::exception& e) {
    ShowStatus(wxString::Format(_("Something went wrong: %s"), Wx(e.what())), true);
  } catch (...) {
    ShowStatus(_("Something went wrong."), true);
  }
}

bool HouseholdEditor::OffersReferral() const {
  return m_context != nullptr && HouseholdId().has_value() && m_session.May(model::StaffOperation::ReferHouseholds);
}

void HouseholdEditor::Refer() {
  if (!OffersReferral()) return;
  // Whose household, where: the head's name and the village's, as the
  // registry list's 转办 says it.
  const auto& household = Edited();
  std::string head;
  for (const auto& member : household.members) {
    if (member.relation == model::Relation::Head) head = member.name;
  }
  std::string village = household.regionCode;
  for (const auto& region : m_session.regions) {
    if (region.code == household.regionCode) village = region.name;
  }
  ReferralDialog dialog(this, m_context->GetWorkers().cases,
                        ReferralTarget{*HouseholdId(), std::nullopt, std::nullopt, household.regionCode,
                                       wxString::Format(_("%s's household, %s"), Wx(head), Wx(village))});
  m_runDialog(dialog);
}

}  // namespace doudi::gui
