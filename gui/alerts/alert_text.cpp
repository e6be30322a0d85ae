#include "alerts/alert_text.h"

#include <wx/intl.h>

#include <optional>

#include "cases/case_text.h"
#include "common/wx_text.h"
#include "doudi/model/alert_rule.h"
#include "doudi/model/alert_state.h"
#include "doudi/model/household.h"
#include "doudi/workstation/alert_figures.h"
#include "doudi/workstation/alert_sources.h"

namespace doudi::gui {
namespace {

// Each rule's sentences, their places the keys of its figures
// (dal/schema/functions/screen_<rule>.sql).
std::vector<wxString> Sentences(model::AlertRule rule) {
  using model::AlertRule;
  const wxString status = _("Registry status when screened: {registry_status}.");
  switch (rule) {
    case AlertRule::MedicalRegistered:
      return {_("Total medical spending in {year}: {total_fen} yuan, more than the warning line of {limit_fen} yuan."),
              status};
    case AlertRule::MedicalUnregistered:
      return {_("Self-paid medical spending in {year}: {self_paid_fen} yuan, more than the warning line of "
                "{limit_fen} yuan."),
              status};
    case AlertRule::RecipientDied:
      return {_("The household registration records the death on {death_date}."),
              _("Paid after the month of death: {paid_after_fen} yuan for {months_paid_after} months. The payments "
                "must stop.")};
    case AlertRule::AssetsOverLimit:
      return {_("Vehicles of a type that is not exempt: {vehicles}."),
              _("Active businesses with a registered capital over {capital_limit_fen} yuan: {businesses}."),
              _("Deposits and financial assets: {deposits_fen} yuan; the household's limit is {deposit_limit_fen} "
                "yuan.")};
    case AlertRule::ExpenseHardship:
      // xgettext:no-c-format
      return {_("Essential spending in the last 12 months (medical self-paid and schooling): {essential_fen} yuan, "
                "more than {share_percent}% of the household's yearly income of {income_fen} yuan."),
              _("Yearly income per person: {income_per_capita_fen} yuan ({members} members), below the line of "
                "{income_limit_fen} yuan.")};
    case AlertRule::HukouHouseholdDiffers:
      return {_("Hukou household numbers of the members: {hukou_households}."),
              _("Living persons of the same hukou household who are not members: {persons_not_members}.")};
    case AlertRule::HukouNotReflected:
      return {_("The household registration records {event} on {event_date}; the registry still has the person "
                "as a member.")};
    case AlertRule::CentenarianUnvisited:
      return {_("Aged {age} ({age_limit} and over); nobody visited the household at home within {visit_months} "
                "months."),
              _("Last home visit: {last_visit}.")};
    case AlertRule::CaseOverdue:
      return {_("The case ({program}, {state}) was due on {due} ({which}): {working_days_overdue} working days "
                "overdue.")};
  }
  return {};
}

// The words of the codes figures hold.
wxString CodeText(std::string_view key, std::string_view code, const CodeWords& programNames) {
  if (key == "registry_status") {
    if (code == "unregistered") return _("not in the registry");
    return CodeLabel<model::RegistryStatus>(code);
  }
  if (key == "event") return Wx(workstation::CrosscheckCodeWords("hukou", code));
  if (key == "state") return StateLabel(code);
  if (key == "program" && programNames) return programNames(key, code);
  if (key == "which") {
    if (code == "step") return _("the step's limit");
    if (code == "overall") return _("the whole process's limit");
  }
  return Wx(code);
}

}  // namespace

wxString AlertStateLabel(std::string_view state) { return CodeLabel<model::AlertState>(state); }
wxString AlertOutcomeLabel(std::string_view outcome) { return CodeLabel<model::AlertOutcome>(outcome); }
wxString CheckMethodLabel(std::string_view method) { return CodeLabel<model::AlertCheckMethod>(method); }

wxString AlertRuleLabel(const dal::Alert& alert) {
  if (const auto rule = model::ParseAlertRule(alert.rule)) return Wx(model::ToChinese(*rule));
  return Wx(alert.ruleName.empty() ? alert.rule : alert.ruleName);
}

wxString AlertFigure(const dal::Alert& alert) {
  return alert.figureFen ? Wx(model::Money::FromFen(*alert.figureFen).ToDisplayString()) : wxString();
}

wxString LastCheckText(const dal::Alert& alert) {
  if (alert.lastCheckMethod.empty()) return {};
  return CheckMethodLabel(alert.lastCheckMethod) + wxS(" ") + Wx(alert.lastCheckAt);
}

std::vector<wxString> FigureLines(const dal::Alert& alert, const CodeWords& programNames) {
  std::vector<std::string> sentences;
  if (const auto rule = model::ParseAlertRule(alert.rule)) {
    for (const auto& sentence : Sentences(*rule)) sentences.push_back(Utf8(sentence));
  }
  const auto lines = workstation::ExplainFigures(
      alert.figuresJson, sentences,
      [&](std::string_view key, std::string_view code) { return Utf8(CodeText(key, code, programNames)); });
  std::vector<wxString> shown;
  for (const auto& line : lines) shown.push_back(Wx(line));
  return shown;
}

}  // namespace doudi::gui
