#pragma once
// What a user may do with a case now, for the case view's buttons: the rule
// table's actions (assets/rules/case_transitions.csv) for the case's order
// and state and the user's group, limited to the rules for the case's
// program, each marked with what it still waits for on record. The database
// checks all of it again when the action is taken; this only keeps the
// screen honest. And which evidence an action waits for, and the kind of
// file an evidence is filed under. The case view (gui/cases/) says each in
// words.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/case_repository.h"
#include "doudi/model/attachment.h"
#include "doudi/model/case_workflow.h"

namespace doudi::workstation {

// What an action still waits for (its rule's requirement not on record).
enum class CaseActionWait {
  Nothing,        // it may be taken
  Survey,         // the home survey (at least two surveyors)
  Evidence,       // the evidence of the requirement: a verification report, an appraisal record
  Authorization,  // the family's signed authorization (核对授权书)
  Amount,         // an amount proposed
  NoticeEndDate,  // the public notice has no end date
  NoticeRunning,  // the public notice runs until noticeEnd
  Other,          // a requirement this program does not know: requirement names it
};

struct CaseActionChoice {
  model::TransitionRule rule;
  std::string_view requirement;  // "none", "survey", "verification_report", ... (assets/rules)
  CaseActionWait waits = CaseActionWait::Nothing;
  std::string noticeEnd;  // for NoticeRunning: the notice's last day (YYYY-MM-DD)

  bool Possible() const { return waits == CaseActionWait::Nothing; }
};

// The case's order of steps as the database stored it (National for a code
// this program does not know).
model::StepOrder OrderOf(const dal::CaseSummary& summary);

// The actions group may take on record now (today: the desk's date, for the
// end of the public notice), in the table's order; empty when none.
std::vector<CaseActionChoice> ActionsFor(const dal::CaseRecord& record, std::string_view group,
                                         std::chrono::year_month_day today);

// The evidence kind to offer first when adding evidence: the one an action
// waits for ("verification_report", "appraisal_record"), else "other".
std::string EvidenceWanted(const std::vector<CaseActionChoice>& choices);

// The kind an evidence's scanned file is filed under among the attachments
// (an income proof, medical bills, else other).
model::AttachmentKind EvidenceFileKind(std::string_view evidenceKind);

}  // namespace doudi::workstation
