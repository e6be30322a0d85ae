#pragma once
// 转办: one send of referrals to several departments at once, from a case,
// an alert or a household. The county's departments are listed with each
// kind of help they give and the due date a referral sent today gets; the
// desk ticks lines and writes, for the line selected, what is asked and the
// documents that go with it (one a line). A line ticked without a request
// takes the one written last. Send sends every ticked line at once under
// the dialog's one request id (workstation/referral_send.h): after a lost
// reply the lines stay as they were and Send again sends the same, which
// the database answers with the same referrals.
//
// Reads and sends on the given worker; the GUI thread never waits. Ends
// with wxID_OK once the referrals exist (ReferralIds), wxID_CANCEL otherwise.
#include <wx/dialog.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doudi/workstation/referral_send.h"

class wxButton;
class wxCheckListBox;
class wxStaticText;
class wxTextCtrl;

namespace doudi::gui {

class DatabaseWorker;

// What a send is about: the household (whose county's departments are
// offered) and the case or alert it follows, if any.
struct ReferralTarget {
  std::int64_t householdId = 0;
  std::optional<std::int64_t> caseId;
  std::optional<std::int64_t> alertId;
  std::string regionCode;  // the household's village
  wxString heading;        // whose household, which case or alert
};

class ReferralDialog : public wxDialog {
 public:
  enum class State { Loading, LoadFailed, Ready, Sending, Sent };

  // worker outlives the dialog.
  ReferralDialog(wxWindow* parent, DatabaseWorker& worker, ReferralTarget target);

  State GetState() const { return m_state; }
  const workstation::ReferralSend& Send() const { return m_send; }
  const std::vector<std::int64_t>& ReferralIds() const { return m_send.ReferralIds(); }
  wxString StatusText() const;
  wxCheckListBox* Lines() const { return m_lines; }

  // What the controls do, for the tests and the buttons: tick a line (it
  // becomes the selected one), select a line, write its request and
  // documents, the note to every department, and send.
  void Tick(std::size_t line, bool ticked);
  void SelectLine(std::size_t line);
  void SetRequest(const wxString& request);
  void SetDocuments(const wxString& documents);
  void SetNote(const wxString& note);
  void SendAll();

 private:
  void Build();
  void Load();
  void ShowLine();
  void RefreshLine(std::size_t line);
  void ShowStatus(const wxString& text, bool error);
  // How many lines are ticked (a message about an earlier Send goes).
  void ShowTicked();
  void Finish(int code);

  DatabaseWorker& m_worker;
  ReferralTarget m_target;
  workstation::ReferralSend m_send;
  State m_state = State::Loading;
  std::optional<std::size_t> m_selected;
  std::size_t m_lastWritten = 0;  // the line whose request was written last
  bool m_showing = false;          // the detail fields are being filled, not typed

  wxCheckListBox* m_lines = nullptr;
  wxStaticText* m_lineTitle = nullptr;
  wxTextCtrl* m_request = nullptr;
  wxTextCtrl* m_documents = nullptr;
  wxTextCtrl* m_note = nullptr;
  wxStaticText* m_status = nullptr;
  wxButton* m_sendButton = nullptr;
};

}  // namespace doudi::gui
