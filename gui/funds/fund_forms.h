#pragma once
// The charity funds' and help's input dialogs (docs/joint-loop-help.md): a
// fund's top-up, a new fund, and help a household received. Each checks its
// fields where they are typed and ends with wxID_OK only when the input is
// good (the help's checks are workstation::CheckHelpInput); the database
// checks them again.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/form_dialog.h"
#include "doudi/dal/help_repository.h"
#include "doudi/model/money.h"

class wxCheckBox;
class wxChoice;
class wxTextCtrl;

namespace doudi::gui {

// Money received by a fund. Controls: "amount", "source", "received_on".
class TopUpDialog : public FormDialog {
 public:
  TopUpDialog(wxWindow* parent, const dal::FundBalance& fund);
  model::Money Amount() const { return m_amount; }
  std::string Source() const;
  std::string ReceivedOn() const;

 private:
  void Accept();
  wxTextCtrl* m_amountText = nullptr;
  wxTextCtrl* m_source = nullptr;
  wxTextCtrl* m_date = nullptr;
  wxStaticText* m_amountMessage = nullptr;
  wxStaticText* m_sourceMessage = nullptr;
  wxStaticText* m_dateMessage = nullptr;
  model::Money m_amount;
};

// A new fund. Controls: "code", "name", "donor", "region", "kind", "amount".
class AddFundDialog : public FormDialog {
 public:
  // regionPrefix: the user's scope, the area proposed.
  AddFundDialog(wxWindow* parent, const std::string& regionPrefix);
  dal::CharityFund Fund() const { return m_fund; }

 private:
  void Accept();
  std::map<std::string, wxTextCtrl*> m_texts;
  std::map<std::string, wxStaticText*> m_messages;
  wxChoice* m_kind = nullptr;
  dal::CharityFund m_fund;
};

// Help a household received. Controls: "kind", "giver_kind", "giver",
// "fund", "amount", "description", "given_by", "given_on" and a check box
// per 四帮四扶 term ("term_<code>"). Department help arrives with the
// referral's feedback, so the giver is a fund, an enterprise, a social
// worker or another.
class HelpDialog : public FormDialog {
 public:
  // funds: those that may pay help for this household (workstation::FundsFor).
  HelpDialog(wxWindow* parent, const wxString& household, std::vector<dal::FundBalance> funds);
  const dal::HelpEntry& Entry() const { return m_entry; }

 private:
  void ShowGiver();
  void Accept();
  std::vector<dal::FundBalance> m_funds;
  std::vector<std::string> m_giverKinds;  // the giver choice's codes
  wxChoice* m_kind = nullptr;
  wxChoice* m_giverKind = nullptr;
  wxTextCtrl* m_giver = nullptr;
  wxChoice* m_fund = nullptr;
  std::map<std::string, wxTextCtrl*> m_texts;       // amount, description, given_by, given_on
  std::map<std::string, wxStaticText*> m_messages;  // by HelpInput field
  std::map<std::string, wxCheckBox*> m_terms;
  dal::HelpEntry m_entry;
};

}  // namespace doudi::gui
