#pragma once
// The documents of a case, a household or a month and region, assembled from
// the data layer's records (docs/documents.md, "From the data layer"): the
// one mapping from CaseRecord, Household, the payment roster and the public
// notices to the builders' inputs (documents.h), shared by doudi-admin and
// the workstation so that both print the same document.
//
// Everything is read through the repository interfaces with the caller's own
// rights: the database decides what they may see. No SQL, wx or driver here
// (tests/layer_rules.cmake); the caller owns the connection and its thread.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/attachment_repository.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/program_parameters.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/reports/document.h"

namespace doudi::reports {

// The per-case documents, in the order a desk offers them.
enum class CaseDocumentKind { ApprovalForm, SurveyForm, HouseholdFile, Decision, Refusal };

// "approval-form", "survey-form", "household-file", "decision", "refusal":
// the command line's spelling.
std::string_view KindCode(CaseDocumentKind kind);
// nullopt for anything else.
std::optional<CaseDocumentKind> ParseKindCode(std::string_view code);

// The kinds that make sense for the case as it is now: the approval form and
// the household file always, the survey form once a survey is recorded, the
// decision after an approval and the refusal notice after a refusal.
std::vector<CaseDocumentKind> KindsFor(const dal::CaseRecord& record);

// A document that cannot be made from what is on record (a decision of a case
// not decided, a survey form without a survey, a roster with no lines, a
// region outside the caller's scope). what() says why, in English, for the
// command line and the workstation's message line.
class DocumentUnavailable : public std::runtime_error {
 public:
  // Why, for a screen that says it in the user's language.
  enum class Reason {
    NotVisible,    // no such case or household the caller may see
    NotDecided,    // a decision or refusal before the decision
    OtherOutcome,  // a decision of a refused case, a refusal of an approved one
    NoSurvey,      // a survey form without a survey
    NoBenefit,     // a decision without a decided benefit
    OutOfScope,    // a region not in the caller's scope
    Empty,         // a roster with nothing in it for the month
    NoParameter,   // a program parameter the document prints is missing
  };
  DocumentUnavailable(Reason reason, const std::string& what) : std::runtime_error(what), m_reason(reason) {}
  Reason GetReason() const { return m_reason; }

 private:
  Reason m_reason;
};

// Where documents are read from. regionNames maps the 12-digit codes of the
// regions in the caller's scope (and the path above it) to their names
// (PgDatabase::RegionsInScope).
struct DocumentSources {
  dal::CaseRepository& cases;
  dal::RegistryRepository& registry;
  dal::ProgramParameters& parameters;
  std::map<std::string, std::string> regionNames;
  // The household file lists the household's files in force when given.
  dal::AttachmentRepository* attachments = nullptr;
};

// The case's document of kind, dated today where the kind is dated on the day
// it is made. Throws DocumentUnavailable (see above; also for a case or
// household the caller may not see); the repositories' errors pass through.
Document CaseDocument(DocumentSources& sources, CaseDocumentKind kind, std::int64_t caseId,
                      std::chrono::year_month_day today);

// The household file (家庭档案) of a household without going through a case.
Document HouseholdFileDocument(DocumentSources& sources, std::int64_t householdId, std::chrono::year_month_day today);

// The monthly rosters. Those that list people (payments, notices) are of a
// county, township or village (6, 9, 12 digits); the statistics, which only
// sum, may also be of a province or a prefecture (2, 4).
enum class RosterKind { Payment, Notice, Statistics };
// Whether a roster of kind may be of the region prefix (digits only).
bool RosterTakesRegion(RosterKind kind, const std::string& prefix);
// The digits of the areas a statistics summary of prefix has one row each
// for: the next level down, a village's own 12.
std::size_t StatisticsAreaDigits(const std::string& prefix);

// The month's payment roster (发放花名册) under region, a county (6 digits),
// township (9) or village (12) code in the caller's scope. Throws
// DocumentUnavailable for a region not in scope or a month without lines.
Document PaymentRosterDocument(DocumentSources& sources, const std::string& region, std::chrono::year_month month,
                               std::chrono::year_month_day today);

// The public-notice roster (公示名单) of the notices that run during the month
// under region: one list per village, each under its own heading. Throws
// DocumentUnavailable as above, or when no notice runs in the month.
Document NoticeRosterDocument(DocumentSources& sources, const std::string& region, std::chrono::year_month month,
                              std::chrono::year_month_day today);

// The month's statistics summary (统计汇总) under region, summed by the
// database from its payment lines: households, persons and amounts per
// program, for each prefecture of a province (2 digits), county of a
// prefecture (4), township of a county, village of a township, or the
// village itself. Throws as PaymentRosterDocument.
Document StatisticsDocument(DocumentSources& sources, const std::string& region, std::chrono::year_month month,
                            std::chrono::year_month_day today);

// "YYYY-MM" of a month, as the data layer spells months.
std::string IsoMonth(std::chrono::year_month month);

}  // namespace doudi::reports
