#include "attachments/attachment_forms.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "attachments/attachment_text.h"
#include "common/wx_text.h"

namespace doudi::gui {

AttachDialog::AttachDialog(wxWindow* parent, const std::vector<workstation::CheckedFile>& files, std::int64_t maxBytes,
                           const std::vector<OwnerChoice>& owners, model::AttachmentKind kind, bool fixedKind)
    : FormDialog(parent, _("Attach files")) {
  wxString good;
  wxString bad;
  for (const auto& file : files) {
    if (file.problem == workstation::FileProblem::None) {
      good += (good.empty() ? wxString() : wxString("\n")) + Wx(file.fileName) +
              wxString::Format(" (%s, %s)", Wx(file.type ? model::ToChinese(*file.type) : std::string_view()),
                               FileSizeText(file.size));
    } else {
      bad += (bad.empty() ? wxString() : wxString("\n")) + FileProblemText(file, maxBytes);
    }
  }
  auto* list = new wxStaticText(Body(), wxID_ANY, good.empty() ? _("(none that can be attached)") : good);
  list->SetName("files");
  auto* problems = AddField(_("Files:"), list);
  problems->SetName("file_problems");
  ShowMessage(problems, bad);
  m_owner = new wxChoice(Body(), wxID_ANY);
  m_owner->SetName("owner");
  for (const auto& o : owners) m_owner->Append(o.label);
  m_owner->SetSelection(0);
  AddField(_("Belongs to:"), m_owner);
  m_kind = new wxChoice(Body(), wxID_ANY);
  m_kind->SetName("kind");
  for (const auto& k : model::EnumTexts<model::AttachmentKind>())
    m_kind->Append(AttachmentKindLabel(std::string(k.code)));
  m_kind->SetSelection(static_cast<int>(kind));
  m_kind->Enable(!fixedKind);
  AddField(_("Kind:"), m_kind);
  m_note = new wxTextCtrl(Body(), wxID_ANY);
  m_note->SetName("note");
  m_note->SetMaxLength(200);
  AddField(_("Note:"), m_note);
  FinishLayout(_("Attach"), [this] { Finish(wxID_OK); });
  FindWindow(wxID_OK)->Enable(!good.empty());
}

model::AttachmentKind AttachDialog::Kind() const {
  return static_cast<model::AttachmentKind>(std::max(0, m_kind->GetSelection()));
}
std::size_t AttachDialog::OwnerIndex() const {
  return static_cast<std::size_t>(std::max(0, m_owner->GetSelection()));
}
std::string AttachDialog::Note() const {
  return TrimmedUtf8(m_note->GetValue());
}

WithdrawDialog::WithdrawDialog(wxWindow* parent, const wxString& fileName) : FormDialog(parent, _("Withdraw a file")) {
  AddField(_("File:"), new wxStaticText(Body(), wxID_ANY, fileName));
  m_reason = new wxTextCtrl(Body(), wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(360, 70), wxTE_MULTILINE);
  m_reason->SetName("reason");
  m_message = AddField(_("Reason:"), m_reason, 1);
  FinishLayout(_("Withdraw"), [this] { Accept(); });
}

std::string WithdrawDialog::Reason() const {
  return TrimmedUtf8(m_reason->GetValue());
}

void WithdrawDialog::Accept() {
  const bool good = !Reason().empty();
  ShowMessage(m_message, good ? wxString() : _("Say why the file is withdrawn (it stays on record, hidden)."));
  if (good) Finish(wxID_OK);
}

}  // namespace doudi::gui
