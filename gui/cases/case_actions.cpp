#include "cases/case_actions.h"

#include <wx/intl.h>

#include <algorithm>

#include "cases/case_text.h"
#include "common/wx_text.h"

namespace doudi::gui {
namespace {

bool HasEvidence(const dal::CaseRecord& record, std::string_view kind) {
  return std::any_of(record.evidence.begin(), record.evidence.end(),
                     [kind](const dal::CaseEvidence& e) { return e.kind == kind; });
}

// Whether the database says the requirement is not on record (CaseRecord::missing).
bool Unmet(const dal::CaseRecord& record, std::string_view requirement) {
  return std::any_of(record.missing.begin(), record.missing.end(),
                     [requirement](const dal::MissingRequirement& m) { return m.requirement == requirement; });
}

// "" when the requirement is met, else what is missing.
wxString Missing(std::string_view requirement, const dal::CaseRecord& record, std::chrono::year_month_day today) {
  if (requirement.empty() || requirement == "none") return {};
  if (requirement == "survey") {
    return record.surveys.empty() ? _("Record the home survey first (at least two surveyors).") : wxString();
  }
  if (requirement == "verification_report" || requirement == "appraisal_record") {
    return HasEvidence(record, requirement) && !Unmet(record, requirement)
               ? wxString()
               : wxString::Format(_("Add the evidence first: %s."), EvidenceKindLabel(requirement));
  }
  if (requirement == "authorization") {
    return Unmet(record, requirement) ? _("Attach the family's signed authorization (核对授权书) first.") : wxString();
  }
  if (requirement == "amount") return record.proposal ? wxString() : _("Propose the amount first.");
  if (requirement == "notice_ended") {
    if (record.noticeEnd.empty()) return _("The public notice has no end date yet.");
    // On its end date the notice has run its days (doudi.case_check_requirement).
    return IsoDate(today) >= record.noticeEnd
               ? wxString()
               : wxString::Format(_("The public notice runs until %s."), Wx(record.noticeEnd));
  }
  return wxString::Format(_("Needs %s first."), Wx(requirement));
}

}  // namespace

model::StepOrder OrderOf(const dal::CaseSummary& summary) {
  if (const auto order = model::ParseStepOrder(summary.stepOrder)) return *order;
  return model::StepOrder::National;
}

std::vector<CaseActionChoice> ActionsFor(const dal::CaseRecord& record, std::string_view group,
                                         std::chrono::year_month_day today) {
  std::vector<CaseActionChoice> choices;
  const auto& summary = record.summary;
  for (const auto& rule : model::AvailableActions(OrderOf(summary), summary.state, group, summary.program)) {
    CaseActionChoice choice{rule, rule.requirement, true, Missing(rule.requirement, record, today)};
    choice.possible = choice.whyNot.empty();
    choices.push_back(std::move(choice));
  }
  return choices;
}

}  // namespace doudi::gui
