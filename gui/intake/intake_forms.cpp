#include "intake/intake_forms.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "common/report_list.h"
#include "common/wx_text.h"
#include "doudi/model/intake.h"
#include "doudi/model/text.h"
#include "intake/intake_text.h"

namespace doudi::gui {

PickDialog::PickDialog(wxWindow* parent, const wxString& title, const wxString& intro, const wxString& okLabel,
                       std::initializer_list<std::pair<wxString, int>> columns,
                       const std::vector<std::vector<wxString>>& rows)
    : FormDialog(parent, title) {
  auto* text = new wxStaticText(Body(), wxID_ANY, intro);
  text->Wrap(FromDIP(520));
  AddField(wxEmptyString, text);
  m_rows = MakeReportList(Body(), "rows", columns);
  for (const auto& row : rows) AddReportRow(m_rows, row);
  m_rows->SetMinSize(FromDIP(wxSize(540, 60 + 24 * static_cast<int>(std::min<std::size_t>(rows.size(), 8)))));
  if (!rows.empty()) m_rows->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  m_message = AddField(wxEmptyString, m_rows, 1);
  FinishLayout(okLabel, [this] { Accept(); });
  m_rows->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { Accept(); });
}

std::optional<std::size_t> PickDialog::Chosen() const {
  const long row = SelectedReportRow(m_rows);
  if (row < 0) return std::nullopt;
  return static_cast<std::size_t>(row);
}

void PickDialog::Accept() {
  if (!Chosen()) {
    ShowMessage(m_message, _("Choose one line."));
    return;
  }
  Finish(wxID_OK);
}

CloseReportDialog::CloseReportDialog(wxWindow* parent, const std::string& outcome)
    : FormDialog(parent, _("Close the report")) {
  m_outcome = new wxChoice(Body(), wxID_ANY);
  m_outcome->SetName("outcome");
  for (const auto& word : model::ClosingOutcomes()) m_outcome->Append(IntakeOutcomeLabel(word.code));
  AddField(_("Outcome:"), m_outcome);
  m_hint = new wxStaticText(Body(), wxID_ANY, wxEmptyString);
  AddField(wxEmptyString, m_hint);
  m_note = new wxTextCtrl(Body(), wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(420, 100), wxTE_MULTILINE);
  m_note->SetName("note");
  m_noteMessage = AddField(_("Note:"), m_note, 1);
  FinishLayout(_("Close the report"), [this] { Accept(); });
  m_outcome->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowOutcome(); });
  SetOutcome(outcome);
}

void CloseReportDialog::SetOutcome(const std::string& outcome) {
  const auto outcomes = model::ClosingOutcomes();
  int index = 0;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].code == outcome) index = static_cast<int>(i);
  }
  m_outcome->SetSelection(index);
  ShowOutcome();
}

std::string CloseReportDialog::Outcome() const {
  const auto outcomes = model::ClosingOutcomes();
  const int index = m_outcome->GetSelection();
  return index >= 0 && static_cast<std::size_t>(index) < outcomes.size()
             ? std::string(outcomes[static_cast<std::size_t>(index)].code)
             : std::string();
}

std::string CloseReportDialog::Note() const { return TrimmedUtf8(m_note->GetValue()); }

void CloseReportDialog::ShowOutcome() {
  m_hint->SetLabel(model::OutcomeNeedsNote(Outcome())
                       ? _("Required: why the report needs nothing more, or what was not true.")
                       : _("Optional: what was done for the family."));
  Layout();
}

void CloseReportDialog::Accept() {
  const auto note = Note();
  if (note.empty() && model::OutcomeNeedsNote(Outcome())) {
    ShowMessage(m_noteMessage, _("Write down why: it is kept with the report."));
    return;
  }
  if (model::CountUtf8CodePoints(note).value_or(0) > kMaxNote) {
    ShowMessage(m_noteMessage, wxString::Format(_("At most %zu characters."), kMaxNote));
    return;
  }
  Finish(wxID_OK);
}

PhotoDialog::PhotoDialog(wxWindow* parent, const wxString& title, const wxBitmap& photo)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  // At most four fifths of the screen it opens on.
  const int display = wxDisplay::GetFromWindow(parent);
  const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
  wxImage image = photo.ConvertToImage();
  const double scale = std::min({1.0, area.width * 0.8 / std::max(1, image.GetWidth()),
                                 area.height * 0.8 / std::max(1, image.GetHeight())});
  if (scale < 1.0) {
    image.Rescale(std::max(1, static_cast<int>(image.GetWidth() * scale)),
                  std::max(1, static_cast<int>(image.GetHeight() * scale)), wxIMAGE_QUALITY_HIGH);
  }
  auto* picture = new wxStaticBitmap(this, wxID_ANY, wxBitmap(image));
  picture->SetName("photo");
  auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(picture, wxSizerFlags(1).Center().Border(wxALL, 8));
  top->Add(close, wxSizerFlags().Right().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  SetSizerAndFit(top);
  const auto end = [this] {
    if (IsModal()) {
      EndModal(wxID_CANCEL);
    } else {
      Hide();
    }
  };
  picture->Bind(wxEVT_LEFT_UP, [end](wxMouseEvent&) { end(); });
  close->Bind(wxEVT_BUTTON, [end](wxCommandEvent&) { end(); });
}

}  // namespace doudi::gui
