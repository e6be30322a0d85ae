// doudi-admin document ... and roster ...: the reports layer's documents for a
// case, a household or a month and region, read through the data layer with
// the caller's own rights (the database decides what they may see) and
// written as PDF, HTML or (rosters) XLSX. docs/documents.md describes the
// documents; this file only maps the data layer's records to their inputs.
//
// What the parameters do not hold yet, this file decides, and says so in the
// command help: the issuing office is the county's name + 民政局, the review
// body its 人民政府 and the court its 人民法院, with the statutory periods
// (行政复议 60 days, 行政诉讼 6 months). Document numbers are the county's
// first character + 民 + the kind's character + 〔year〕 + the case (or
// household) id in four digits + 号: 三民审〔2026〕0042号.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/program_parameters.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/household.h"
#include "doudi/reports/documents.h"
#include "doudi/reports/html.h"
#include "doudi/reports/layout.h"
#include "doudi/reports/xlsx.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

using std::chrono::year_month;
using std::chrono::year_month_day;

// Statutory periods printed on decisions and refusals (行政复议法 art. 20:
// 60 days; 行政诉讼法 art. 46: 6 months). No program parameter holds them.
constexpr int kReviewDays = 60;
constexpr int kLitigationMonths = 6;

enum class Format { Pdf, Html, Xlsx };

Format ParseFormat(const CommandContext& ctx, bool xlsxAllowed) {
  const auto text = ctx.Option("format");
  const std::string allowed = xlsxAllowed ? "pdf, html or xlsx" : "pdf or html";
  if (!text) throw std::invalid_argument("--format is required: " + allowed);
  if (*text == "pdf") return Format::Pdf;
  if (*text == "html") return Format::Html;
  if (*text == "xlsx" && xlsxAllowed) return Format::Xlsx;
  throw std::invalid_argument("--format takes " + allowed + ", not '" + *text + "'");
}

std::string OutputFile(const CommandContext& ctx) {
  const auto file = ctx.Option("output");
  if (!file || file->empty()) throw std::invalid_argument("-o/--output FILE is required");
  return *file;
}

std::int64_t ParseId(const std::string& option, const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
    throw std::invalid_argument("--" + option + " takes a positive whole number, not '" + text + "'");
  }
  return value;
}

std::optional<year_month_day> ParseDate(const std::string& text) {
  static const std::regex kDate("^([0-9]{4})-([0-9]{2})-([0-9]{2}).*");
  std::smatch m;
  if (!std::regex_match(text, m, kDate)) return std::nullopt;
  const year_month_day date{std::chrono::year{std::stoi(m[1])},
                            std::chrono::month{static_cast<unsigned>(std::stoi(m[2]))},
                            std::chrono::day{static_cast<unsigned>(std::stoi(m[3]))}};
  return date.ok() ? std::optional(date) : std::nullopt;
}

std::optional<year_month> ParseMonth(const std::string& text) {
  static const std::regex kMonth("^([0-9]{4})-(0[1-9]|1[0-2])$");
  std::smatch m;
  if (!std::regex_match(text, m, kMonth)) return std::nullopt;
  return year_month{std::chrono::year{std::stoi(m[1])}, std::chrono::month{static_cast<unsigned>(std::stoi(m[2]))}};
}

// The regions the caller sees, by code, and the names documents print.
class Places {
 public:
  explicit Places(dal::pg::PgDatabase& db) {
    for (const auto& r : db.RegionsInScope()) m_names[r.code] = r.name;
  }

  // The name of a region given by its code or its prefix (6, 9 digits): the
  // database keeps codes padded to 12 digits.
  std::string Name(const std::string& code) const {
    std::string padded = code;
    if (padded.size() < 12) padded.append(12 - padded.size(), '0');
    const auto it = m_names.find(padded);
    return it == m_names.end() ? std::string() : it->second;
  }

  // 三门县海游街道悬渚村: the county, township and village names of a code.
  std::string FullName(const std::string& code) const {
    std::string out;
    for (const std::size_t length : {std::size_t{6}, std::size_t{9}, std::size_t{12}}) {
      if (code.size() >= length) out += Name(code.substr(0, length));
    }
    return out.empty() ? Name(code) : out;
  }

  std::string County(const std::string& code) const { return code.size() >= 6 ? Name(code.substr(0, 6)) : ""; }

  // The issuing office: no parameter names it, so the county's 民政局.
  std::string Office(const std::string& code) const {
    const std::string county = County(code);
    if (county.empty()) throw std::runtime_error("the county of region " + code + " is not in your scope");
    return county + "民政局";
  }

  reports::ObjectionRights Rights(const std::string& code) const {
    const std::string county = County(code);
    return reports::ObjectionRights{county + "人民政府", kReviewDays, county + "人民法院", kLitigationMonths};
  }

 private:
  std::map<std::string, std::string> m_names;
};

// 三民审〔2026〕0042号.
std::string DocumentNumber(const Places& places, const std::string& regionCode, const std::string& kind,
                           year_month_day date, std::int64_t id) {
  const std::string county = places.County(regionCode);
  // The county name's first character (UTF-8: 3 bytes for CJK).
  std::string first = county.substr(0, std::min<std::size_t>(3, county.size()));
  std::string digits = std::to_string(id);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return first + "民" + kind + "〔" + std::to_string(static_cast<int>(date.year())) + "〕" + digits + "号";
}

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

reports::HouseholdInput ToHouseholdInput(const model::Household& household, const Places& places) {
  reports::HouseholdInput input;
  if (const auto* head = household.Head()) input.headName = head->name;
  input.regionName = places.FullName(household.regionCode);
  input.address = household.address;
  input.phone = household.phone;
  input.bankName = household.bankName;
  input.bankAccount = household.bankAccount;  // the builders mask it
  for (const auto& person : household.members) {
    model::Money income;
    for (const auto& item : household.incomes) {
      if (!item.memberIdNumber.empty() && item.memberIdNumber == person.idNumber) income += item.monthly;
    }
    input.members.push_back(reports::MemberInput{person.name, person.idNumber, person.relation, Health(person),
                                                 person.workAbility, income});
  }
  for (const auto& item : household.incomes) {
    std::string description = item.note;
    if (!item.memberIdNumber.empty()) {
      for (const auto& person : household.members) {
        if (person.idNumber == item.memberIdNumber) {
          description = person.name + (description.empty() ? "" : "：" + description);
        }
      }
    }
    input.incomes.push_back(reports::IncomeInput{std::string(model::ToChinese(item.kind)), description, item.monthly});
  }
  return input;
}

struct CaseData {
  dal::CaseRecord record;
  model::Household household;
};

CaseData LoadCase(dal::pg::PgDatabase& db, std::int64_t caseId) {
  auto record = db.Cases().Load(caseId);
  if (!record) throw std::runtime_error("no case " + std::to_string(caseId) + " that you may see");
  auto household = db.Registry().LoadHousehold(record->summary.householdId);
  if (!household) {
    throw std::runtime_error("the household " + std::to_string(record->summary.householdId) + " of case " +
                             std::to_string(caseId) + " is not one you may see");
  }
  return {std::move(*record), std::move(*household)};
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

reports::LevelOpinion Opinion(const std::string& level, const dal::CaseStep* step, const std::string& fallback) {
  reports::LevelOpinion opinion;
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

model::Money StandardPerPerson(dal::pg::PgDatabase& db, const dal::CaseRecord& record, year_month_day on) {
  for (const std::string& program : {record.summary.program, std::string("dibao")}) {
    const auto p = db.Parameters().Effective(program, record.summary.regionCode, "standard_per_person", on);
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

std::vector<std::string> Split(const std::string& text, const std::vector<std::string>& separators) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    bool split = false;
    for (const auto& sep : separators) {
      if (text.compare(i, sep.size(), sep) == 0) {
        if (!current.empty()) out.push_back(current);
        current.clear();
        i += sep.size();
        split = true;
        break;
      }
    }
    if (!split) current += text[i++];
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

reports::Document ApprovalFormOf(dal::pg::PgDatabase& db, const CaseData& data, const Places& places,
                                 year_month_day today) {
  const auto& record = data.record;
  reports::ApprovalFormInput input;
  input.issue = {places.Office(record.summary.regionCode), "", today};
  input.appliedOn = OpenedOn(record, today);
  input.issue.number = DocumentNumber(places, record.summary.regionCode, "审", input.appliedOn, record.summary.id);
  input.program = record.summary.programName;
  input.household = ToHouseholdInput(data.household, places);
  if (const auto* applied = LastStep(record, {"apply"}); applied != nullptr) input.applicationReason = applied->opinion;
  input.standardPerPerson = StandardPerPerson(db, record, input.appliedOn);
  AmountOf(record, input.monthlyAmount, input.working);
  input.opinions.push_back(Opinion("村（居）民委员会意见", LastStep(record, {"recommend"}), ""));
  input.opinions.push_back(Opinion("乡镇（街道）审核意见", LastStep(record, {"review"}), ""));
  const auto* decision = LastStep(record, {"approve", "refuse"});
  const std::string approved =
      "同意纳入" + record.summary.programName + "，每月发放" + input.monthlyAmount.ToDisplayString() + "元。";
  input.opinions.push_back(Opinion("县（市、区）民政部门审批意见", decision,
                                   decision != nullptr && decision->action == "approve" ? approved : ""));
  return reports::ApprovalForm(input);
}

reports::Document SurveyFormOf(const CaseData& data, const Places& places, year_month_day today) {
  const auto& record = data.record;
  if (record.surveys.empty()) {
    throw std::runtime_error("case " + std::to_string(record.summary.id) + " has no home survey recorded yet");
  }
  const auto& survey = record.surveys.back();
  reports::SurveyFormInput input;
  input.surveyedOn = ParseDate(survey.surveyedOn).value_or(today);
  input.issue = {places.Office(record.summary.regionCode),
                 DocumentNumber(places, record.summary.regionCode, "调", input.surveyedOn, record.summary.id), today};
  input.program = record.summary.programName;
  input.household = ToHouseholdInput(data.household, places);
  if (!survey.surveyors.empty()) input.surveyor1 = survey.surveyors[0];
  if (survey.surveyors.size() > 1) input.surveyor2 = survey.surveyors[1];
  // Findings are free text: one line each, "item：finding" where the line
  // names its item.
  for (const auto& line : Split(survey.findings, {"\n"})) {
    const auto colon = line.find("：");
    if (colon != std::string::npos && colon > 0) {
      input.findings.push_back({line.substr(0, colon), line.substr(colon + std::string("：").size())});
    } else {
      input.findings.push_back({"调查情况", line});
    }
  }
  if (const auto* review = LastStep(record, {"review"}); review != nullptr) input.conclusion = review->opinion;
  input.membersPresent = Split(survey.membersPresent, {"、", "，", ",", " ", "\n"});
  return reports::SurveyForm(input);
}

reports::Document HouseholdFileOf(const model::Household& household, const Places& places, year_month_day today) {
  reports::HouseholdFileInput input;
  input.issue = {places.Office(household.regionCode),
                 DocumentNumber(places, household.regionCode, "档", today, household.id.value_or(0)), today};
  input.household = ToHouseholdInput(household, places);
  input.registryStatus = std::string(model::ToChinese(household.status));
  for (const auto& asset : household.assets) {
    input.assets.push_back({std::string(model::ToChinese(asset.kind)), asset.description, asset.value});
  }
  for (const auto& change : household.statusHistory) {
    input.history.push_back({change.since, std::string(model::ToChinese(change.status)) +
                                               (change.reason.empty() ? "" : "：" + change.reason)});
  }
  return reports::HouseholdFile(input);
}

const dal::CaseStep& DecisionStep(const CaseData& data, const char* wanted, const char* kind) {
  const auto& record = data.record;
  const auto* step = LastStep(record, {"approve", "refuse"});
  const std::string id = std::to_string(record.summary.id);
  if (step == nullptr) {
    throw std::runtime_error("case " + id + " is not decided yet (state " + record.summary.state + "): no " + kind +
                             " before the decision");
  }
  if (step->action != wanted) {
    throw std::runtime_error("case " + id + " was " + (step->action == "approve" ? "approved" : "refused") +
                             ": use `document " + (step->action == "approve" ? "decision" : "refusal") + "`, not " +
                             kind);
  }
  return *step;
}

// What a decision and a refusal share: dated and numbered on the decision,
// addressed to the household's head, with the objection rights.
template <typename Letter>
void FillLetter(Letter& input, const CaseData& data, const Places& places, const dal::CaseStep& step, const char* kind,
                year_month_day today) {
  const auto& record = data.record;
  const auto decidedOn = ParseDate(step.actedAt).value_or(today);
  input.issue = {places.Office(record.summary.regionCode),
                 DocumentNumber(places, record.summary.regionCode, kind, decidedOn, record.summary.id), decidedOn};
  const auto* head = data.household.Head();
  input.recipient = head != nullptr ? head->name : record.summary.applicantName;
  input.idNumber = head != nullptr ? head->idNumber : "";
  input.regionName = places.FullName(record.summary.regionCode);
  input.program = record.summary.programName;
  input.appliedOn = OpenedOn(record, today);
  input.rights = places.Rights(record.summary.regionCode);
}

reports::Document DecisionOf(const CaseData& data, const Places& places, year_month_day today) {
  const auto& record = data.record;
  const auto& step = DecisionStep(data, "approve", "a decision");
  reports::DecisionInput input;
  FillLetter(input, data, places, step, "决", today);
  input.householdSize = static_cast<int>(data.household.members.size());
  AmountOf(record, input.monthlyAmount, input.working);
  const std::string first = record.benefits.empty() ? "" : record.benefits.front().effectiveMonth;
  const auto month = ParseMonth(first);
  if (!month) throw std::runtime_error("case " + std::to_string(record.summary.id) + " has no decided benefit");
  input.firstMonth = *month;
  return reports::Decision(input);
}

reports::Document RefusalOf(const CaseData& data, const Places& places, year_month_day today) {
  const auto& step = DecisionStep(data, "refuse", "a refusal notice");
  reports::RefusalInput input;
  FillLetter(input, data, places, step, "否", today);
  // The refusal's opinion states the reasons, one per line or sentence.
  input.reasons = Split(step.opinion, {"\n", "；", ";"});
  return reports::RefusalNotice(input);
}

void Write(const reports::Document& document, Format format, const std::string& file) {
  const auto path = PathFromUtf8(file);
  switch (format) {
    case Format::Pdf:
      reports::WritePdf(document, path);
      return;
    case Format::Html: {
      std::ofstream out(path, std::ios::binary);
      out << reports::RenderHtml(document);
      if (!out.flush()) throw std::runtime_error("cannot write " + file);
      return;
    }
    case Format::Xlsx:
      reports::WriteXlsx(document, path);
      return;
  }
}

const std::vector<std::string> kKinds{"approval-form", "survey-form", "household-file", "decision", "refusal"};

int DocumentCommand(CommandContext& ctx) {
  const std::string& kind = ctx.args.at(0);
  if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
    throw std::invalid_argument("KIND is approval-form, survey-form, household-file, decision or refusal, not '" +
                                kind + "'");
  }
  const auto caseText = ctx.Option("case");
  const auto householdText = ctx.Option("household");
  if (caseText && householdText) throw std::invalid_argument("give --case or --household, not both");
  if (kind == "household-file") {
    if (!householdText && !caseText) throw std::invalid_argument("household-file needs --household ID (or --case ID)");
  } else if (!caseText) {
    throw std::invalid_argument(kind + " needs --case ID");
  }
  // 0: not given.
  const std::int64_t caseId = caseText ? ParseId("case", *caseText) : 0;
  const std::int64_t householdId = householdText ? ParseId("household", *householdText) : 0;
  const Format format = ParseFormat(ctx, false);
  const std::string file = OutputFile(ctx);

  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const Places places(*db);
  reports::Document document;
  if (kind == "household-file" && householdId != 0) {
    const auto household = db->Registry().LoadHousehold(householdId);
    if (!household) throw std::runtime_error("no household " + std::to_string(householdId) + " that you may see");
    document = HouseholdFileOf(*household, places, ctx.today);
  } else {
    const CaseData data = LoadCase(*db, caseId);
    if (kind == "approval-form") document = ApprovalFormOf(*db, data, places, ctx.today);
    if (kind == "survey-form") document = SurveyFormOf(data, places, ctx.today);
    if (kind == "household-file") document = HouseholdFileOf(data.household, places, ctx.today);
    if (kind == "decision") document = DecisionOf(data, places, ctx.today);
    if (kind == "refusal") document = RefusalOf(data, places, ctx.today);
  }
  Write(document, format, file);
  ctx.out << document.title << " " << document.number << " written to " << file << "\n";
  return kExitOk;
}

// Public-notice roster: one list per village (a notice is posted in its
// village), of the notices that run in the month, in one document.
reports::Document NoticeRosterOf(dal::pg::PgDatabase& db, const Places& places, const std::string& region,
                                 year_month month, year_month_day today) {
  const auto entries = db.Cases().PublicNotices(region);
  const year_month_day monthStart = month / 1;
  const year_month_day monthEnd = month / std::chrono::last;
  std::map<std::string, std::vector<const dal::NoticeEntry*>> villages;
  std::vector<std::string> order;
  for (const auto& entry : entries) {
    const auto start = ParseDate(entry.noticeStart);
    const auto end = ParseDate(entry.noticeEnd);
    if (!start || !end || *start > monthEnd || *end < monthStart) continue;
    if (!villages.count(entry.regionCode)) order.push_back(entry.regionCode);
    villages[entry.regionCode].push_back(&entry);
  }
  if (order.empty()) {
    throw std::runtime_error(
        "no public notice runs under " + region + " in " + std::to_string(static_cast<int>(month.year())) + "-" +
        (static_cast<unsigned>(month.month()) < 10 ? "0" : "") + std::to_string(static_cast<unsigned>(month.month())));
  }
  std::optional<reports::Document> all;
  for (const auto& code : order) {
    reports::NoticeRosterInput input;
    input.issue = {places.Office(code), "", today};
    std::string digits = std::to_string(static_cast<unsigned>(month.month()));
    if (digits.size() < 2) digits.insert(0, "0");
    const std::string county = places.County(code);
    input.issue.number = county.substr(0, std::min<std::size_t>(3, county.size())) + "民示〔" +
                         std::to_string(static_cast<int>(month.year())) + "〕" + digits + "-" + code.substr(6) + "号";
    input.village = places.FullName(code);
    input.program = villages[code].front()->programName;
    input.noticeFrom = *ParseDate(villages[code].front()->noticeStart);
    input.noticeTo = *ParseDate(villages[code].front()->noticeEnd);
    for (const auto* entry : villages[code]) {
      input.noticeFrom = std::min(input.noticeFrom, *ParseDate(entry->noticeStart));
      input.noticeTo = std::max(input.noticeTo, *ParseDate(entry->noticeEnd));
      if (entry->programName != input.program) input.program = "社会救助";
      input.entries.push_back({entry->applicantName, entry->householdSize, entry->monthly});
    }
    const std::string township = code.size() >= 9 ? places.Name(code.substr(0, 9)) : "";
    input.objectionContact = (township.empty() ? std::string() : township + "或") + input.issue.office;
    auto document = reports::NoticeRoster(input);
    if (!all) {
      all = std::move(document);
    } else {
      // Further villages follow, each under its own heading.
      all->blocks.emplace_back(reports::Heading{document.subtitle});
      for (auto& block : document.blocks) all->blocks.push_back(std::move(block));
    }
  }
  return std::move(*all);
}

reports::Document PaymentRosterOf(dal::pg::PgDatabase& db, const Places& places, const std::string& region,
                                  const std::string& monthText, year_month month, year_month_day today) {
  reports::PaymentRosterInput input;
  const std::string county = places.County(region);
  std::string digits = std::to_string(static_cast<unsigned>(month.month()));
  if (digits.size() < 2) digits.insert(0, "0");
  input.issue = {places.Office(region),
                 county.substr(0, std::min<std::size_t>(3, county.size())) + "民发〔" +
                     std::to_string(static_cast<int>(month.year())) + "〕" + digits +
                     (region.size() > 6 ? "-" + region.substr(6) : std::string()) + "号",
                 today};
  input.month = month;
  input.regionName = places.FullName(region);
  for (const auto& line : db.Cases().PaymentRoster(monthText, region)) {
    // The data layer gives masked IDs and accounts only (PIPL); the builder
    // keeps them masked.
    input.lines.push_back({line.townshipName, line.villageName, line.applicantName, line.maskedId, line.maskedAccount,
                           line.householdSize, line.programName + (line.kind == "one_off" ? "（一次性）" : ""),
                           line.amount});
  }
  if (input.lines.empty()) {
    throw std::runtime_error("no payment lines for " + monthText + " under " + region +
                             " (doudi-admin payments generate --month " + monthText + " writes them)");
  }
  return reports::PaymentRoster(input);
}

int RosterCommand(CommandContext& ctx) {
  const std::string kind = ctx.Option("kind").value_or("payment");
  if (kind != "payment" && kind != "notice") {
    throw std::invalid_argument("--kind takes payment or notice, not '" + kind + "'");
  }
  const auto monthText = ctx.Option("month");
  if (!monthText) throw std::invalid_argument("--month YYYY-MM is required");
  const auto month = ParseMonth(*monthText);
  if (!month) throw std::invalid_argument("--month takes a month as YYYY-MM, not '" + *monthText + "'");
  const auto region = ctx.Option("region");
  static const std::regex kRegion("^([0-9]{6}|[0-9]{9}|[0-9]{12})$");
  if (!region)
    throw std::invalid_argument("--region CODE is required: a county (6 digits), township (9) or village (12)");
  if (!std::regex_match(*region, kRegion)) {
    throw std::invalid_argument("--region takes a county (6 digits), township (9) or village (12) code, not '" +
                                *region + "'");
  }
  const Format format = ParseFormat(ctx, true);
  const std::string file = OutputFile(ctx);

  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const Places places(*db);
  if (places.Name(*region).empty())
    throw std::invalid_argument("--region " + *region + " is not a region in your scope");
  const reports::Document document = kind == "payment"
                                         ? PaymentRosterOf(*db, places, *region, *monthText, *month, ctx.today)
                                         : NoticeRosterOf(*db, places, *region, *month, ctx.today);
  Write(document, format, file);
  ctx.out << document.title << " " << document.number << " written to " << file << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> DocumentCommands() {
  return {
      {{"document"},
       "document KIND (--case ID | --household ID) --format pdf|html -o FILE",
       "write a case's or household's document as PDF or HTML",
       "KIND is approval-form (审批表), survey-form (入户调查表), household-file (家庭档案), decision (决定书, an "
       "approved case) or refusal (不予批准通知书, a refused case). household-file takes --household ID or a case; "
       "the others --case ID. The data is read with your own rights; every ID number and bank account is printed "
       "masked. The issuing office is the county's 民政局 (no parameter names it yet); objections go to the "
       "county's 人民政府 within 60 days or its 人民法院 within 6 months. Numbers: the county's first character + "
       "民 + 审/调/档/决/否 + 〔year〕 + the case (household) id + 号, e.g. 三民审〔2026〕0042号; decisions and "
       "refusals are dated on the day of the decision, the other documents today.",
       {"case", "household", "format", "output"},
       1,
       DocumentCommand},
      {{"roster"},
       "roster [--kind payment|notice] --month YYYY-MM --region CODE --format pdf|html|xlsx -o FILE",
       "write the month's payment roster (发放花名册) or public-notice roster (公示名单)",
       "CODE is a county (6 digits), township (9) or village (12) code in your scope. --kind payment (the "
       "default): the month's payment lines (written by `payments generate`) with masked IDs and accounts, "
       "subtotals per village and township, page totals and the grand total. --kind notice: the public notices "
       "that run during the month, one list per village, showing only name, household size and amount.",
       {"kind", "month", "region", "format", "output"},
       0,
       RosterCommand},
  };
}

}  // namespace doudi::admin
