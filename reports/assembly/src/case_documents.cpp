// The per-case documents and the household file from the data layer's
// records: each level's opinion from the case's steps, the amount from the
// decided benefit or the proposal, the survey from the latest survey
// (docs/documents.md, "From the command line" lists the rules).
#include <algorithm>
#include <charconv>

#include "doudi/model/attachment.h"
#include "doudi/model/code_tables.h"
#include "doudi/model/household.h"
#include "doudi/reports/case_documents.h"
#include "doudi/reports/documents.h"
#include "places.h"

namespace doudi::reports {
namespace {

using assembly::DocumentNumber;
using assembly::Issuer;
using assembly::ParseDate;
using assembly::Places;
using assembly::Split;
using std::chrono::year_month_day;

struct CaseData {
  dal::CaseRecord record;
  model::Household household;
};

// What every builder of this file needs.
struct Context {
  DocumentSources& sources;
  Places places;
  Issuer issuer;
  year_month_day today;

  Context(DocumentSources& s, year_month_day t)
      : sources(s), places(s.regionNames), issuer(s.parameters, places), today(t) {}
};

std::string Health(const model::Person& person) {
  std::vector<std::string> parts;
  if (person.disability != model::DisabilityCategory::None) {
    static const char* kGrades[] = {"", "一级", "二级", "三级", "四级"};
    const int grade = person.disabilityGrade;
    parts.push_back(std::string(model::ToChinese(person.disability)) + "残疾" +
                    (grade >= 1 && grade <= 4 ? kGrades[grade] : ""));
  }
  for (const auto& illness : person.illnesses) parts.push_back(illness);
  if (parts.empty()) return "健康";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
  return out;
}

model::Money MemberIncome(const model::Household& household, const model::Person& person) {
  model::Money income;
  for (const auto& item : household.incomes) {
    if (!item.memberIdNumber.empty() && item.memberIdNumber == person.idNumber) income += item.monthly;
  }
  return income;
}

// An income's source: the member it belongs to, then its note.
std::string IncomeDescription(const model::Household& household, const model::IncomeItem& item) {
  std::string description = item.note;
  if (item.memberIdNumber.empty()) return description;
  for (const auto& person : household.members) {
    if (person.idNumber == item.memberIdNumber)
      description = person.name + (description.empty() ? "" : "：" + description);
  }
  return description;
}

HouseholdInput ToHouseholdInput(const model::Household& household, const Places& places) {
  HouseholdInput input;
  if (const auto* head = household.Head()) input.headName = head->name;
  input.regionName = places.FullName(household.regionCode);
  input.address = household.address;
  input.phone = household.phone;
  input.bankName = household.bankName;
  input.bankAccount = household.bankAccount;  // the builders mask it
  for (const auto& person : household.members) {
    input.members.push_back(MemberInput{person.name, person.idNumber, person.relation, Health(person),
                                        person.workAbility, MemberIncome(household, person)});
  }
  for (const auto& item : household.incomes) {
    input.incomes.push_back(
        IncomeInput{std::string(model::ToChinese(item.kind)), IncomeDescription(household, item), item.monthly});
  }
  return input;
}

model::Household LoadHousehold(DocumentSources& sources, std::int64_t householdId, const std::string& what) {
  auto household = sources.registry.LoadHousehold(householdId);
  if (!household) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::NotVisible,
                              "the household " + std::to_string(householdId) + what + " is not one you may see");
  }
  return std::move(*household);
}

CaseData LoadCase(DocumentSources& sources, std::int64_t caseId) {
  auto record = sources.cases.Load(caseId);
  if (!record)
    throw DocumentUnavailable(DocumentUnavailable::Reason::NotVisible,
                              "no case " + std::to_string(caseId) + " that you may see");
  auto household = LoadHousehold(sources, record->summary.householdId, " of case " + std::to_string(caseId));
  return {std::move(*record), std::move(household)};
}

const dal::CaseStep* LastStep(const dal::CaseRecord& record, std::initializer_list<const char*> actions) {
  const dal::CaseStep* found = nullptr;
  for (const auto& step : record.steps) {
    for (const char* action : actions) {
      if (step.action == action) found = &step;
    }
  }
  return found;
}

LevelOpinion Opinion(const std::string& level, const dal::CaseStep* step, const std::string& fallback) {
  LevelOpinion opinion;
  opinion.level = level;
  if (step == nullptr) return opinion;  // blank lines, filled by hand
  opinion.opinion = step->opinion.empty() ? fallback : step->opinion;
  opinion.signer = step->actorName;
  opinion.date = ParseDate(step->actedAt);
  return opinion;
}

year_month_day OpenedOn(const dal::CaseRecord& record, year_month_day fallback) {
  return ParseDate(record.openedAt).value_or(fallback);
}

model::Money StandardPerPerson(dal::ProgramParameters& parameters, const dal::CaseRecord& record, year_month_day on) {
  for (const std::string& program : {record.summary.program, std::string("dibao")}) {
    const auto p = parameters.Effective(program, record.summary.regionCode, "standard_per_person", on);
    if (p && p->unit == "fen") {
      std::int64_t fen = 0;
      const auto [end, error] = std::from_chars(p->value.data(), p->value.data() + p->value.size(), fen);
      if (error == std::errc() && end == p->value.data() + p->value.size()) return model::Money::FromFen(fen);
    }
  }
  return model::Money();
}

// The amount and its working: the decided benefit when there is one, else
// the latest proposal.
void AmountOf(const dal::CaseRecord& record, model::Money& monthly, std::vector<std::string>& working) {
  if (!record.benefits.empty()) {
    monthly = record.benefits.front().monthly;
    working = record.benefits.front().working;
  } else if (record.proposal) {
    monthly = record.proposal->monthly;
    working = record.proposal->working;
  }
}

Issue IssueOf(Context& ctx, const dal::CaseSummary& summary, const char* kind, year_month_day numbered,
              year_month_day dated) {
  return {ctx.issuer.Office(summary.program, summary.regionCode, dated),
          DocumentNumber(ctx.places, summary.regionCode, kind, numbered, summary.id), dated};
}

Document ApprovalFormOf(Context& ctx, const CaseData& data) {
  const auto& record = data.record;
  ApprovalFormInput input;
  input.appliedOn = OpenedOn(record, ctx.today);
  input.issue = IssueOf(ctx, record.summary, "审", input.appliedOn, ctx.today);
  input.program = record.summary.programName;
  input.household = ToHouseholdInput(data.household, ctx.places);
  if (const auto* applied = LastStep(record, {"apply"}); applied != nullptr) input.applicationReason = applied->opinion;
  input.standardPerPerson = StandardPerPerson(ctx.sources.parameters, record, input.appliedOn);
  AmountOf(record, input.monthlyAmount, input.working);
  input.opinions.push_back(Opinion("村（居）民委员会意见", LastStep(record, {"recommend"}), ""));
  input.opinions.push_back(Opinion("乡镇（街道）审核意见", LastStep(record, {"review"}), ""));
  const auto* decision = LastStep(record, {"approve", "refuse"});
  // An approval without an opinion still says what was approved.
  const std::string approved =
      "同意纳入" + record.summary.programName + "，每月发放" + input.monthlyAmount.ToDisplayString() + "元。";
  input.opinions.push_back(Opinion("县（市、区）民政部门审批意见", decision,
                                   decision != nullptr && decision->action == "approve" ? approved : ""));
  return ApprovalForm(input);
}

// Findings are free text: one line each, "item：finding" where the line
// names its item.
std::vector<SurveyFinding> Findings(const std::string& text) {
  std::vector<SurveyFinding> findings;
  for (const auto& line : Split(text, {"\n"})) {
    const auto colon = line.find("：");
    if (colon != std::string::npos && colon > 0) {
      findings.push_back({line.substr(0, colon), line.substr(colon + std::string("：").size())});
    } else {
      findings.push_back({"调查情况", line});
    }
  }
  return findings;
}

Document SurveyFormOf(Context& ctx, const CaseData& data) {
  const auto& record = data.record;
  if (record.surveys.empty()) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::NoSurvey,
                              "case " + std::to_string(record.summary.id) + " has no home survey recorded yet");
  }
  const auto& survey = record.surveys.back();
  SurveyFormInput input;
  input.surveyedOn = ParseDate(survey.surveyedOn).value_or(ctx.today);
  input.issue = IssueOf(ctx, record.summary, "调", input.surveyedOn, ctx.today);
  input.program = record.summary.programName;
  input.household = ToHouseholdInput(data.household, ctx.places);
  if (!survey.surveyors.empty()) input.surveyor1 = survey.surveyors[0];
  if (survey.surveyors.size() > 1) input.surveyor2 = survey.surveyors[1];
  input.findings = Findings(survey.findings);
  if (const auto* review = LastStep(record, {"review"}); review != nullptr) input.conclusion = review->opinion;
  input.membersPresent = Split(survey.membersPresent, {"、", "，", ",", " ", "\n"});
  return SurveyForm(input);
}

// The files in force (not withdrawn, not replaced), oldest first.
std::vector<AttachmentLine> AttachmentLines(const std::vector<dal::AttachmentInfo>& files) {
  std::vector<AttachmentLine> lines;
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    if (it->replacedById || !it->withdrawnAt.empty()) continue;
    const auto kind = model::ParseEnum<model::AttachmentKind>(it->kind);
    const auto owner = model::ParseEnum<model::AttachmentOwner>(it->owner.kind);
    lines.push_back({kind ? std::string(model::ToChinese(*kind)) : it->kind,
                     owner ? std::string(model::ToChinese(*owner)) : it->owner.kind, it->fileName, it->version,
                     it->addedBy, it->addedAt, it->sha256Hex.substr(0, 12)});
  }
  return lines;
}

Document HouseholdFileOf(Context& ctx, const model::Household& household, const std::string& program) {
  HouseholdFileInput input;
  input.issue = {ctx.issuer.Office(program, household.regionCode, ctx.today),
                 DocumentNumber(ctx.places, household.regionCode, "档", ctx.today, household.id.value_or(0)),
                 ctx.today};
  input.household = ToHouseholdInput(household, ctx.places);
  input.registryStatus = std::string(model::ToChinese(household.status));
  for (const auto& member : household.members) {
    if (!member.card) continue;
    const auto* ethnicity = model::codes::ByCode(member.card->ethnicityCode, model::codes::kCodesEthnicity);
    input.cards.push_back({member.name, ethnicity ? std::string(ethnicity->term) : member.card->ethnicityCode,
                           member.card->authority, member.card->validFrom, member.card->validUntil,
                           member.card->readAt});
  }
  for (const auto& asset : household.assets) {
    input.assets.push_back({std::string(model::ToChinese(asset.kind)), asset.description, asset.value});
  }
  for (const auto& change : household.statusHistory) {
    input.history.push_back({change.since, std::string(model::ToChinese(change.status)) +
                                               (change.reason.empty() ? "" : "：" + change.reason)});
  }
  if (ctx.sources.attachments != nullptr && household.id) {
    input.attachments = AttachmentLines(ctx.sources.attachments->OfHousehold(*household.id, false));
  }
  return HouseholdFile(input);
}

const dal::CaseStep& DecisionStep(const dal::CaseRecord& record, const char* wanted, const char* kind) {
  const auto* step = LastStep(record, {"approve", "refuse"});
  const std::string id = std::to_string(record.summary.id);
  if (step == nullptr) {
    throw DocumentUnavailable(
        DocumentUnavailable::Reason::NotDecided,
        "case " + id + " is not decided yet (state " + record.summary.state + "): no " + kind + " before the decision");
  }
  if (step->action != wanted) {
    const bool approved = step->action == "approve";
    throw DocumentUnavailable(DocumentUnavailable::Reason::OtherOutcome,
                              "case " + id + " was " + (approved ? "approved" : "refused") + ": use `document " +
                                  (approved ? "decision" : "refusal") + "`, not " + kind);
  }
  return *step;
}

// Whom a letter is addressed to, as case_overview names the applicant: a
// per-person case's (特困) person — with their full ID while a current
// member, else (they left the household) with the masked ID the case
// record carries — and a household case's head.
struct Addressee {
  std::string name;
  std::string idNumber;  // full or masked: the letter prints it masked
};
Addressee AddresseeOf(const CaseData& data) {
  const auto& record = data.record;
  if (record.summary.perPerson) {
    for (const auto& p : data.household.members) {
      if (p.id == record.summary.personId) return {p.name, p.idNumber};
    }
    return {record.personName, record.personMaskedId};
  }
  if (const auto* head = data.household.Head()) return {head->name, head->idNumber};
  return {record.summary.applicantName, ""};
}

// What a decision and a refusal share: dated and numbered on the decision,
// addressed to the applicant, with the objection rights in force then.
void FillLetter(LetterInput& input, Context& ctx, const CaseData& data, const dal::CaseStep& step, const char* kind) {
  const auto& summary = data.record.summary;
  const auto decidedOn = ParseDate(step.actedAt).value_or(ctx.today);
  input.issue = IssueOf(ctx, summary, kind, decidedOn, decidedOn);
  auto addressee = AddresseeOf(data);
  input.recipient = std::move(addressee.name);
  input.idNumber = std::move(addressee.idNumber);
  input.perPerson = summary.perPerson;
  input.regionName = ctx.places.FullName(summary.regionCode);
  input.program = summary.programName;
  input.appliedOn = OpenedOn(data.record, ctx.today);
  input.rights = ctx.issuer.Rights(summary.program, summary.regionCode, decidedOn);
}

Document DecisionOf(Context& ctx, const CaseData& data) {
  const auto& record = data.record;
  const auto& step = DecisionStep(record, "approve", "a decision");
  DecisionInput input;
  FillLetter(input, ctx, data, step, "决");
  // A per-person case supports its person alone (as the public notice says).
  input.householdSize = record.summary.perPerson ? 1 : static_cast<int>(data.household.members.size());
  AmountOf(record, input.monthlyAmount, input.working);
  const auto month = assembly::ParseMonth(record.benefits.empty() ? "" : record.benefits.front().effectiveMonth);
  if (!month)
    throw DocumentUnavailable(DocumentUnavailable::Reason::NoBenefit,
                              "case " + std::to_string(record.summary.id) + " has no decided benefit");
  input.firstMonth = *month;
  return Decision(input);
}

Document RefusalOf(Context& ctx, const CaseData& data) {
  const auto& step = DecisionStep(data.record, "refuse", "a refusal notice");
  RefusalInput input;
  FillLetter(input, ctx, data, step, "否");
  // The refusal's opinion states the reasons, one per line or sentence.
  input.reasons = Split(step.opinion, {"\n", "；", ";"});
  return RefusalNotice(input);
}

struct KindName {
  CaseDocumentKind kind;
  std::string_view code;
};
constexpr KindName kKindCodes[] = {{CaseDocumentKind::ApprovalForm, "approval-form"},
                                   {CaseDocumentKind::SurveyForm, "survey-form"},
                                   {CaseDocumentKind::HouseholdFile, "household-file"},
                                   {CaseDocumentKind::Decision, "decision"},
                                   {CaseDocumentKind::Refusal, "refusal"}};

}  // namespace

std::string_view KindCode(CaseDocumentKind kind) {
  for (const auto& k : kKindCodes) {
    if (k.kind == kind) return k.code;
  }
  return {};
}

std::optional<CaseDocumentKind> ParseKindCode(std::string_view code) {
  for (const auto& k : kKindCodes) {
    if (k.code == code) return k.kind;
  }
  return std::nullopt;
}

std::vector<CaseDocumentKind> KindsFor(const dal::CaseRecord& record) {
  std::vector<CaseDocumentKind> kinds{CaseDocumentKind::ApprovalForm};
  if (!record.surveys.empty()) kinds.push_back(CaseDocumentKind::SurveyForm);
  kinds.push_back(CaseDocumentKind::HouseholdFile);
  if (const auto* decided = LastStep(record, {"approve", "refuse"})) {
    const bool approved = decided->action == "approve";
    // A decision needs the benefit it announces.
    if (!approved) kinds.push_back(CaseDocumentKind::Refusal);
    if (approved && !record.benefits.empty()) kinds.push_back(CaseDocumentKind::Decision);
  }
  return kinds;
}

Document CaseDocument(DocumentSources& sources, CaseDocumentKind kind, std::int64_t caseId, year_month_day today) {
  Context ctx(sources, today);
  const CaseData data = LoadCase(sources, caseId);
  switch (kind) {
    case CaseDocumentKind::ApprovalForm:
      return ApprovalFormOf(ctx, data);
    case CaseDocumentKind::SurveyForm:
      return SurveyFormOf(ctx, data);
    case CaseDocumentKind::HouseholdFile:
      return HouseholdFileOf(ctx, data.household, data.record.summary.program);
    case CaseDocumentKind::Decision:
      return DecisionOf(ctx, data);
    case CaseDocumentKind::Refusal:
      return RefusalOf(ctx, data);
  }
  throw std::invalid_argument("unknown document kind");
}

Document HouseholdFileDocument(DocumentSources& sources, std::int64_t householdId, year_month_day today) {
  Context ctx(sources, today);
  const auto household = LoadHousehold(sources, householdId, "");
  // A household's file is the civil-affairs office's, whatever program.
  return HouseholdFileOf(ctx, household, "dibao");
}

}  // namespace doudi::reports
