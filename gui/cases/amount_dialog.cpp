#include "cases/amount_dialog.h"

#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "cases/case_text.h"
#include "common/wx_text.h"
#include "doudi/model/amount_parameters.h"
#include "doudi/model/benefit.h"

namespace doudi::gui {
namespace {

wxTextCtrl* Field(wxWindow* parent, const char* name, bool multiline = false) {
  auto* text = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                              multiline ? wxSize(360, 60) : wxSize(160, -1), multiline ? wxTE_MULTILINE : 0);
  text->SetName(name);
  return text;
}

// A typed yuan amount; nullopt for empty text or one that is no amount.
std::optional<model::Money> TypedYuan(const wxTextCtrl* text) {
  const auto value = model::Money::ParseYuan(TrimmedUtf8(text->GetValue()));
  if (!value || *value < model::Money()) return std::nullopt;
  return value;
}

// Why the program parameters cannot be used, from the first issue: the
// parameter it names (the model's sentence is English, the screen's not).
wxString ParameterProblem(const model::ValidationIssues& issues) {
  const auto& issue = issues.front();
  if (issue.code.ends_with(".missing")) {
    return wxString::Format(_("No value of the parameter %s is in force here."), Wx(issue.field));
  }
  return wxString::Format(_("The program parameters cannot be used: %s"), Wx(issue.field));
}

}  // namespace

AmountDialog::AmountDialog(wxWindow* parent, AmountInputs inputs)
    : FormDialog(parent, _("Propose the amount")), m_inputs(std::move(inputs)) {
  if (m_inputs.program == "dibao") m_mode = Mode::Dibao;
  if (m_inputs.program == "destitute") m_mode = Mode::Destitute;
  if (m_inputs.program == "temporary") m_mode = Mode::Temporary;
  // 分档 without its table of bands in force: typed by hand.
  if (m_mode == Mode::Dibao) {
    const auto issues = model::DibaoParametersFrom(m_inputs.parameters).issues;
    if (std::any_of(issues.begin(), issues.end(), [](const auto& i) { return i.code == "tiers.missing"; })) {
      m_mode = Mode::ByHand;
    }
  }
  BuildInputs();
  m_working = new wxListBox(Body(), wxID_ANY, wxDefaultPosition, wxSize(460, 180));
  m_working->SetName("working");
  m_problem = AddField(_("Working:"), m_working, 1);
  FinishLayout(_("Accept and propose"), [this] { Accept(); });
  Recompute();
}

void AmountDialog::BuildInputs() {
  auto recompute = [this](wxCommandEvent&) { Recompute(); };
  switch (m_mode) {
    case Mode::Dibao:
      break;  // the household's income and the standard say it all
    case Mode::Destitute: {
      auto* panel = new wxPanel(Body());
      auto* grid = new wxGridSizer(2, wxSize(12, 2));
      for (const auto& item : model::EnumTexts<model::SelfCareItem>()) {
        auto* box = new wxCheckBox(panel, wxID_ANY, Wx(item.chinese));
        box->SetName("self_care_" + wxString(item.code.data(), item.code.size()));
        box->Bind(wxEVT_CHECKBOX, recompute);
        grid->Add(box);
        m_selfCare.push_back(box);
      }
      panel->SetSizer(grid);
      AddField(_("Self-care items the person cannot do:"), panel);
      break;
    }
    case Mode::Temporary:
      m_requested = Field(Body(), "requested");
      m_requested->Bind(wxEVT_TEXT, recompute);
      AddField(_("Requested (yuan):"), m_requested);
      break;
    case Mode::ByHand:
      m_monthly = Field(Body(), "monthly");
      m_oneOff = Field(Body(), "one_off");
      m_reason = Field(Body(), "reason", true);
      for (auto* text : {m_monthly, m_oneOff, m_reason}) text->Bind(wxEVT_TEXT, recompute);
      AddField(_("Monthly (yuan):"), m_monthly);
      AddField(_("One-off (yuan):"), m_oneOff);
      AddField(_("How the amount was reached:"), m_reason);
      if (m_inputs.program == "charity") {
        m_fund = Field(Body(), "fund");
        m_fund->Bind(wxEVT_TEXT, recompute);
        AddField(_("Charity fund code:"), m_fund);
      }
      break;
  }
}

void AmountDialog::Recompute() {
  m_proposal.reset();
  if (!m_inputs.household && m_mode == Mode::Dibao) {
    ShowWorking({}, _("The household cannot be read (no longer in your scope?)."));
    return;
  }
  try {
    switch (m_mode) {
      case Mode::Dibao:
        return ComputeDibao();
      case Mode::Destitute:
        return ComputeDestitute();
      case Mode::Temporary:
        return ComputeTemporary();
      case Mode::ByHand:
        return ComputeByHand();
    }
  } catch (const std::exception& e) {
    // Parameters the database accepted but the rules cannot use.
    ShowWorking({}, wxString::Format(_("The program parameters cannot be used: %s"), Wx(e.what())));
  }
}

void AmountDialog::ComputeDibao() {
  const auto mapping = model::DibaoParametersFrom(m_inputs.parameters);
  if (!mapping.parameters) return ShowWorking({}, ParameterProblem(mapping.issues));
  auto assessment = model::AssessDibao(*m_inputs.household, *mapping.parameters);
  if (!assessment.eligible) {
    return ShowWorking(assessment.working, _("Not eligible on income: there is no amount to propose."));
  }
  m_proposal = dal::AmountProposal{assessment.amount, {}, assessment.working, {}, {}, {}};
  ShowWorking(assessment.working, {});
}

void AmountDialog::ComputeDestitute() {
  const auto mapping = model::DestituteParametersFrom(m_inputs.parameters);
  if (!mapping.parameters) return ShowWorking({}, ParameterProblem(mapping.issues));
  std::array<bool, model::kSelfCareItemCount> failed{};
  for (std::size_t i = 0; i < failed.size(); ++i) failed[i] = m_selfCare[i]->GetValue();
  auto amount = model::DestituteAmount(model::AssessSelfCare(failed), *mapping.parameters);
  m_proposal = dal::AmountProposal{amount.amount, {}, amount.working, {}, {}, {}};
  ShowWorking(amount.working, {});
}

void AmountDialog::ComputeTemporary() {
  const auto mapping = model::TemporaryParametersFrom(m_inputs.parameters);
  if (!mapping.parameters) return ShowWorking({}, ParameterProblem(mapping.issues));
  const auto requested = TypedYuan(m_requested);
  if (!requested) return ShowWorking({}, _("Type the requested sum in yuan, e.g. 3000.00."));
  auto amount = model::TemporaryAmount(*requested, *mapping.parameters);
  m_proposal = dal::AmountProposal{{}, amount.amount, amount.working, {}, {}, {}};
  ShowWorking(amount.working, {});
}

void AmountDialog::ComputeByHand() {
  const bool monthlyEmpty = m_monthly->GetValue().empty(), oneOffEmpty = m_oneOff->GetValue().empty();
  const auto monthly = monthlyEmpty ? std::optional(model::Money()) : TypedYuan(m_monthly);
  const auto oneOff = oneOffEmpty ? std::optional(model::Money()) : TypedYuan(m_oneOff);
  const std::string reason = TrimmedUtf8(m_reason->GetValue());
  if (!monthly || !oneOff) return ShowWorking({}, _("Type amounts in yuan, e.g. 500.00."));
  if (*monthly == model::Money() && *oneOff == model::Money()) return ShowWorking({}, _("Type a monthly or one-off amount."));
  if (reason.empty()) return ShowWorking({}, _("Say how the amount was reached: it is kept as the working."));
  std::vector<std::string> working;
  // English like the model's lines, so every reader's interface translates it.
  if (*monthly > model::Money()) working.push_back("手工填写月保障金 " + monthly->ToDisplayString() + " 元：" + reason);
  if (*oneOff > model::Money()) working.push_back("手工填写一次性救助金 " + oneOff->ToDisplayString() + " 元：" + reason);
  dal::AmountProposal proposal{*monthly, *oneOff, working, {}, {}, {}};
  if (m_fund != nullptr) {
    proposal.fundCode = TrimmedUtf8(m_fund->GetValue());
    if (proposal.fundCode.empty()) return ShowWorking(working, _("Name the charity fund the grant comes from."));
  }
  m_proposal = std::move(proposal);
  ShowWorking(working, {});
}

void AmountDialog::ShowWorking(const std::vector<std::string>& working, const wxString& problem) {
  m_working->Clear();
  for (const auto& line : working) m_working->Append(Wx(line));
  ShowMessage(m_problem, problem);
}

void AmountDialog::Accept() {
  if (m_proposal) Finish(wxID_OK);
}

}  // namespace doudi::gui
