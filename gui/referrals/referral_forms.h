#pragma once
// A department's answers to a referral, typed in the liaison's 待办 (or by
// the center on the department's behalf): the feedback that closes it and a
// decline with its reason. Each reads its fields through
// workstation/referral_answer.h and ends with wxID_OK only when they are
// good, the message under the field that is not; the database checks again.
#include <chrono>
#include <string>

#include "common/form_dialog.h"
#include "doudi/workstation/referral_answer.h"

class wxCheckListBox;
class wxChoice;
class wxTextCtrl;

namespace doudi::gui {

// Controls: "kind", "amount" (yuan), "description", "given_on" (YYYY-MM-DD),
// "given_by", "terms" (a check list of the 四帮四扶 terms).
class FeedbackDialog : public FormDialog {
 public:
  // heading: the referral in one line; onBehalf: the center records it for
  // the department (said in the title); kind: the referral's kind, chosen first.
  FeedbackDialog(wxWindow* parent, const wxString& heading, bool onBehalf, const std::string& kind,
                 std::chrono::year_month_day today);
  const workstation::Feedback& Feedback() const { return m_feedback; }

 private:
  void Accept();
  std::chrono::year_month_day m_today;
  workstation::Feedback m_feedback;
  wxChoice* m_kind = nullptr;
  wxTextCtrl* m_amount = nullptr;
  wxTextCtrl* m_description = nullptr;
  wxTextCtrl* m_givenOn = nullptr;
  wxTextCtrl* m_givenBy = nullptr;
  wxCheckListBox* m_terms = nullptr;
  wxStaticText* m_kindMessage = nullptr;
  wxStaticText* m_amountMessage = nullptr;
  wxStaticText* m_descriptionMessage = nullptr;
  wxStaticText* m_givenOnMessage = nullptr;
  wxStaticText* m_givenByMessage = nullptr;
};

// Controls: "reason".
class DeclineDialog : public FormDialog {
 public:
  DeclineDialog(wxWindow* parent, const wxString& heading);
  const std::string& Reason() const { return m_reason; }

 private:
  void Accept();
  std::string m_reason;
  wxTextCtrl* m_text = nullptr;
  wxStaticText* m_message = nullptr;
};

// The words for a problem of an answer's field.
wxString AnswerProblemText(const workstation::AnswerProblem& problem);

}  // namespace doudi::gui
