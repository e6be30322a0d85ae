#pragma once
// The attachment screens' dialogs: attaching checked files (one kind and
// note for the batch, the owner chosen among what the window offers — the
// household or one of its members, the case or its household), and
// withdrawing a wrongly attached file with the reason.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/form_dialog.h"
#include "doudi/dal/attachment_repository.h"
#include "doudi/model/attachment.h"
#include "doudi/workstation/attachment_files.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace doudi::gui {

// Where a file may go: the words and the owner.
struct OwnerChoice {
  wxString label;
  dal::AttachmentOwnerRef owner;
};

class AttachDialog : public FormDialog {
 public:
  // files: every file checked (those with a problem are named and skipped);
  // kind: offered first; fixedKind: a new version keeps its kind.
  AttachDialog(wxWindow* parent, const std::vector<workstation::CheckedFile>& files, std::int64_t maxBytes,
               const std::vector<OwnerChoice>& owners, model::AttachmentKind kind, bool fixedKind = false);
  model::AttachmentKind Kind() const;
  std::size_t OwnerIndex() const;
  std::string Note() const;
  wxChoice* KindChoice() const { return m_kind; }
  wxChoice* OwnerChoiceControl() const { return m_owner; }
  wxTextCtrl* NoteControl() const { return m_note; }

 private:
  wxChoice* m_kind = nullptr;
  wxChoice* m_owner = nullptr;
  wxTextCtrl* m_note = nullptr;
};

class WithdrawDialog : public FormDialog {
 public:
  WithdrawDialog(wxWindow* parent, const wxString& fileName);
  std::string Reason() const;
  wxTextCtrl* ReasonControl() const { return m_reason; }

 private:
  void Accept();
  wxTextCtrl* m_reason = nullptr;
  wxStaticText* m_message = nullptr;
};

}  // namespace doudi::gui
