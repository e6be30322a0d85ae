#include "common/form_dialog.h"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "cases/case_text.h"
#include "common/wx_text.h"

namespace doudi::gui {

FormDialog::FormDialog(wxWindow* parent, const wxString& title)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  m_body = new wxPanel(this);
  m_grid = new wxFlexGridSizer(2, wxSize(8, 2));
  m_grid->AddGrowableCol(1);
  m_body->SetSizer(m_grid);
}

wxStaticText* FormDialog::AddField(const wxString& label, wxWindow* control, int proportion) {
  m_grid->Add(new wxStaticText(m_body, wxID_ANY, label), wxSizerFlags().Border(wxTOP, 6));
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(control, wxSizerFlags(proportion).Expand());
  auto* message = new wxStaticText(m_body, wxID_ANY, wxEmptyString);
  message->SetForegroundColour(kOverdueText);
  column->Add(message, wxSizerFlags().Expand());
  m_grid->Add(column, wxSizerFlags(1).Expand());
  if (proportion > 0) m_grid->AddGrowableRow(static_cast<std::size_t>(m_grid->GetEffectiveRowsCount() - 1), proportion);
  return message;
}

void FormDialog::ShowMessage(wxStaticText* line, const wxString& message) {
  line->SetLabel(message);
  line->GetParent()->Layout();
}

void FormDialog::FinishLayout(const wxString& okLabel, std::function<void()> accept) {
  // Own labels: GTK would give stock OK/Cancel the system's language.
  auto* ok = new wxButton(this, wxID_OK, okLabel);
  auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
  ok->SetDefault();
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(ok);
  buttons->Add(cancel, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(m_body, wxSizerFlags(1).Expand().Border(wxALL, 10));
  top->Add(buttons, wxSizerFlags().Right().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  SetSizerAndFit(top);
  SetMinSize(wxSize(std::max(GetSize().x, 480), GetSize().y));
  Bind(wxEVT_BUTTON, [accept = std::move(accept)](wxCommandEvent&) { accept(); }, wxID_OK);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Finish(wxID_CANCEL); }, wxID_CANCEL);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Finish(wxID_CANCEL); });
}

void FormDialog::Finish(int code) {
  if (IsModal()) {
    EndModal(code);
  } else {
    SetReturnCode(code);
    Hide();
  }
}

std::string TrimmedUtf8(const wxString& text) {
  wxString copy = text;
  return Utf8(copy.Trim(true).Trim(false));
}

}  // namespace doudi::gui
