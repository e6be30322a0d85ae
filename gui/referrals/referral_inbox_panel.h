#pragma once
// 转办待办, the referrals a department is asked for. A department's liaison
// sees those to their own department (the database shows them no other,
// and of the household only the least the help needs: the head's name, the
// masked ID, the village and the phone); the center's administrator sees
// every department's, those escalated (overdue past
// referral_escalation_days) first, and answers for a department that works
// on paper — feedback recorded so is marked as on the department's behalf.
// Each line: state, due date (overdue in red, escalated on a red ground),
// department and kind, the household, what is asked and the documents. The
// actions: accept, decline (the reason is required), feedback (kind, amount
// in yuan stored as fen or a description, date, the department's person,
// 四帮四扶 terms) and print the 转办单.
//
// Read and written on the context's case worker: every answer carries the
// referral's version (someone else's answer first reloads and says so), the
// feedback a request id kept across retries of the same feedback.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "common/requested_write.h"
#include "doudi/dal/referral_repository.h"
#include "referrals/slip_printer.h"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace doudi::gui {

class AttachmentsWindow;
class Context;
struct Section;

class ReferralInboxPanel : public AsyncListPanel {
 public:
  // The section: for the users who answer referrals (a department's liaison,
  // the center's administrator).
  static Section Describe();

  ReferralInboxPanel(wxWindow* parent, Context& context);

  void Reload();
  // In the order shown.
  const std::vector<dal::Referral>& Referrals() const { return m_referrals; }
  wxListCtrl* List() const { return m_list; }
  // Whether answers given here are on a department's behalf (the user is no liaison).
  bool OnBehalf() const;
  // Shows answered and declined referrals too (by default only open ones).
  void ShowClosed(bool show);
  // The center's filter: the referrals to one department (a code; "" all).
  // Only the center has it (a liaison sees their own department's alone).
  void ShowDepartment(const std::string& code);
  wxChoice* DepartmentFilter() const { return m_department; }
  bool IsWriting() const { return m_writing; }
  wxString LastMessage() const;

  bool OffersAccept(long row) const;
  bool OffersAnswer(long row) const;
  void Accept(long row);
  void Decline(long row);
  void GiveFeedback(long row);
  void PrintSlip(long row);
  // The referral's files (the department's receipt, photos), in their own window.
  AttachmentsWindow* OpenFiles(long row);
  DocumentPreview* LastPreview() const { return m_slips.LastPreview(); }
  bool IsOpeningDocument() const { return m_slips.IsOpening(); }

  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  void Fill();
  void FillDepartments();
  const dal::Referral* RowAt(long row) const;
  using Write = RequestedWrite::Write;
  void RunWrite(const std::string& what, Write write, const wxString& done);
  void Message(const wxString& text, bool error);

  Context& m_context;
  DialogRunner m_runDialog = RunModally;
  std::vector<dal::Referral> m_loaded;         // as read, in the inbox's order
  std::vector<dal::Referral> m_referrals;      // those shown: of the chosen department
  std::string m_departmentCode;                // "" every department
  std::vector<std::string> m_departmentCodes;  // the filter's items after the first
  RequestedWrite m_write;
  bool m_writing = false;
  wxListCtrl* m_list = nullptr;
  wxCheckBox* m_closed = nullptr;
  wxChoice* m_department = nullptr;  // the center's only
  wxStaticText* m_message = nullptr;
  wxStaticText* m_detail = nullptr;
  SlipPrinter m_slips;
};

}  // namespace doudi::gui
