#pragma once
// Proposing a case's amount: computed with the model's benefit rules from
// the household and the program parameters in force, with the working shown
// line by line, for the reviewer to accept. 低保 from the household's income;
// 特困 from the six-item self-care assessment; 临时救助 from the requested
// sum and the cap; the other programs (whose amounts the rules do not fix)
// typed by hand with the reason, which becomes the working.
#include <map>
#include <optional>
#include <string>

#include "common/form_dialog.h"
#include "doudi/dal/case_repository.h"
#include "doudi/model/amount_parameters.h"
#include "doudi/model/household.h"

class wxCheckBox;
class wxListBox;
class wxTextCtrl;

namespace doudi::gui {

// What the computation needs, loaded on a worker before the dialog opens.
struct AmountInputs {
  std::string program;
  std::optional<model::Household> household;  // nullopt when no longer visible
  // The rows in force for the case's village today of the parameters
  // model::AmountParameterKeys names, mapped to the rules' inputs by the
  // model (doudi/model/amount_parameters.h).
  model::ParameterValues parameters;
};

class AmountDialog : public FormDialog {
 public:
  // Controls: "working" (list), "self_care_<item code>" (特困), "requested"
  // (临时救助), "monthly", "one_off", "reason", "fund" (by hand).
  AmountDialog(wxWindow* parent, AmountInputs inputs);
  // The proposal as shown; nullopt while it cannot be made (a missing
  // parameter, an ineligible household, a field to correct).
  const std::optional<dal::AmountProposal>& Proposal() const { return m_proposal; }

 private:
  enum class Mode { Dibao, Destitute, Temporary, ByHand };
  void BuildInputs();
  void Recompute();
  void ComputeDibao();
  void ComputeDestitute();
  void ComputeTemporary();
  void ComputeByHand();
  void ShowWorking(const std::vector<std::string>& working, const wxString& problem);
  void Accept();

  AmountInputs m_inputs;
  Mode m_mode = Mode::ByHand;
  std::optional<dal::AmountProposal> m_proposal;
  wxListBox* m_working = nullptr;
  wxStaticText* m_problem = nullptr;
  std::vector<wxCheckBox*> m_selfCare;
  wxTextCtrl* m_requested = nullptr;
  wxTextCtrl* m_monthly = nullptr;
  wxTextCtrl* m_oneOff = nullptr;
  wxTextCtrl* m_reason = nullptr;
  wxTextCtrl* m_fund = nullptr;
};

}  // namespace doudi::gui
