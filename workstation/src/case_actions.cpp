#include "doudi/workstation/case_actions.h"

#include <algorithm>

#include "doudi/model/iso_date.h"

namespace doudi::workstation {
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

bool IsEvidence(std::string_view requirement) {
  return requirement == "verification_report" || requirement == "appraisal_record";
}

// What the requirement still waits for on record.
CaseActionWait Waits(std::string_view requirement, const dal::CaseRecord& record, std::chrono::year_month_day today) {
  if (requirement.empty() || requirement == "none") return CaseActionWait::Nothing;
  if (requirement == "survey") return record.surveys.empty() ? CaseActionWait::Survey : CaseActionWait::Nothing;
  if (IsEvidence(requirement)) {
    return HasEvidence(record, requirement) && !Unmet(record, requirement) ? CaseActionWait::Nothing
                                                                           : CaseActionWait::Evidence;
  }
  if (requirement == "authorization") {
    return Unmet(record, requirement) ? CaseActionWait::Authorization : CaseActionWait::Nothing;
  }
  if (requirement == "amount") return record.proposal ? CaseActionWait::Nothing : CaseActionWait::Amount;
  if (requirement == "notice_ended") {
    if (record.noticeEnd.empty()) return CaseActionWait::NoticeEndDate;
    // On its end date the notice has run its days (doudi.case_check_requirement).
    return model::IsoDate(today) >= record.noticeEnd ? CaseActionWait::Nothing : CaseActionWait::NoticeRunning;
  }
  return CaseActionWait::Other;
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
    CaseActionChoice choice{rule, rule.requirement, Waits(rule.requirement, record, today), {}};
    if (choice.waits == CaseActionWait::NoticeRunning) choice.noticeEnd = record.noticeEnd;
    choices.push_back(std::move(choice));
  }
  return choices;
}

std::string EvidenceWanted(const std::vector<CaseActionChoice>& choices) {
  std::string kind = "other";
  for (const auto& choice : choices) {
    if (choice.waits == CaseActionWait::Evidence && IsEvidence(choice.requirement)) kind = choice.requirement;
  }
  return kind;
}

model::AttachmentKind EvidenceFileKind(std::string_view evidenceKind) {
  if (evidenceKind == "income_proof") return model::AttachmentKind::IncomeProof;
  if (evidenceKind == "medical_record") return model::AttachmentKind::MedicalBills;
  return model::AttachmentKind::Other;
}

}  // namespace doudi::workstation
