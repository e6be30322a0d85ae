#pragma once
// The referrals of one case or alert, as a page of its view: every referral
// with its department, kind, what is asked, state, due date (overdue in red,
// escalated on a red ground) and the answer; and what the desk does there:
// 转办 (the send dialog), print a referral's 转办单, and 帮扶办结 — the
// case's or alert's "help closed" mark, which the database refuses while a
// referral of it has no feedback (its Chinese sentence shows in the page's
// status line). Decisions and notices never wait for referrals; only this
// mark does.
//
// Reads and writes on the context's case worker; the print is built on the
// document worker. After a send or the mark, changed() runs (the owning view
// reloads its record).
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "doudi/dal/referral_repository.h"
#include "referrals/referral_dialog.h"
#include "referrals/slip_printer.h"

class wxListCtrl;

namespace doudi::gui {

class Context;

class ReferralsPage : public AsyncListPanel {
 public:
  // The case or the alert whose referrals the page lists (one of the two).
  struct Subject {
    std::optional<std::int64_t> caseId;
    std::optional<std::int64_t> alertId;
  };
  // What a send from here is about; nullopt while the owner has not loaded
  // its record (or the alert has no household).
  using TargetOf = std::function<std::optional<ReferralTarget>()>;

  // Loads nothing until the owner calls Reload (with its own record).
  ReferralsPage(wxWindow* parent, Context& context, Subject subject, TargetOf target);

  void Reload();
  const std::vector<dal::Referral>& Referrals() const { return m_referrals; }
  wxListCtrl* List() const { return m_list; }
  // How many are still waiting for an answer.
  std::size_t OpenCount() const;

  bool OffersReferral() const;
  bool OffersHelpClose() const;
  // 转办: opens the send dialog through the dialog runner; reloads after a send.
  void Refer();
  // 帮扶办结: sets the mark, or shows why the database refused it.
  void CloseHelp();
  bool IsClosingHelp() const { return m_closing; }
  // Whether the mark was set from this page.
  bool HelpClosed() const { return m_helpClosed; }
  // Builds row's 转办单 and opens its preview.
  void PrintSlip(long row);
  bool IsOpeningDocument() const { return m_slips.IsOpening(); }
  DocumentPreview* LastPreview() const { return m_slips.LastPreview(); }

  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }
  void OnChanged(std::function<void()> changed) { m_changed = std::move(changed); }

 private:
  void Fill();
  void Status(const wxString& text, bool error);

  Context& m_context;
  Subject m_subject;
  TargetOf m_target;
  DialogRunner m_runDialog = RunModally;
  std::function<void()> m_changed;
  std::vector<dal::Referral> m_referrals;
  bool m_closing = false;
  bool m_helpClosed = false;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_statusLine = nullptr;
  SlipPrinter m_slips;
};

}  // namespace doudi::gui
