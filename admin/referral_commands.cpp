// doudi-admin department ... and referral ...: the county's catalog of
// departments and the help each gives, and the referrals (转办) the desk
// sends them — listed, answered one by one, or answered in bulk from a
// department's feedback file with a per-line report (docs/joint-loop.md).
#include <algorithm>
#include <array>
#include <fstream>
#include <ostream>
#include <stdexcept>

#include "commands.h"
#include "csv_file.h"
#include "enum_options.h"
#include "doudi/dal/failure_text.h"
#include "doudi/dal/referral_repository.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/money.h"
#include "doudi/model/referral.h"
#include "doudi/model/sha256.h"
#include "doudi/model/text.h"
#include "household_file.h"
#include "terminal.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

// A request id (a UUID's text) drawn from text: the same text, the same id.
std::string RequestIdFrom(const std::string& text) {
  const std::string h = model::Sha256Hex(text);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

std::string DateOption(const CommandContext& ctx, const std::string& option) {
  const auto text = ctx.Option(option);
  if (!text) return model::IsoDate(ctx.today);
  if (!model::ParseIsoDate(*text)) throw std::invalid_argument(TrFormat("--{1} is a date YYYY-MM-DD, not '{2}'", {option, *text}));
  return *text;
}

// The county of the command: --county, or the caller's own when their scope lies in one.
std::string County(const CommandContext& ctx, dal::pg::PgDatabase& db) {
  if (const auto county = ctx.Option("county")) {
    if (county->size() != 6 || county->find_first_not_of("0123456789") != std::string::npos) {
      throw std::invalid_argument(TrFormat("--county takes a county code of 6 digits, not '{1}'", {*county}));
    }
    return *county;
  }
  const auto me = db.WhoAmI();
  if (me.regionScope.size() < 6) throw std::invalid_argument(Tr("your scope is wider than a county: name it with --county"));
  return me.regionScope.substr(0, 6);
}

std::optional<std::int64_t> AmountOption(const std::string& what, const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto money = model::Money::ParseYuan(text);
  if (!money || money->Fen() <= 0) {
    throw std::invalid_argument(TrFormat("{1} is an amount in yuan with at most 2 decimals, not '{2}'", {what, text}));
  }
  return money->Fen();
}

int DepartmentList(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const std::string county = County(ctx, *db);
  const auto departments = db->Referrals().Departments(county);
  ctx.out << PadToWidth(Tr("code"), 22) << PadToWidth(Tr("department"), 22) << PadToWidth(Tr("state"), 8)
          << Tr("help given (working days to answer)") << "\n";
  for (const auto& d : departments) {
    std::string help;
    for (const auto& h : d.help) {
      if (!h.active) continue;
      help += (help.empty() ? "" : "，") + EnumWords<model::HelpKind>(h.kind) + "（" + std::to_string(h.workingDays) + "）";
    }
    ctx.out << PadToWidth(d.code, 22) << PadToWidth(d.name, 22)
            << PadToWidth(d.active ? Tr("active") : Tr("stopped"), 8) << help << "\n";
  }
  ctx.out << TrFormat("{1} departments in county {2}", {std::to_string(departments.size()), county}) << "\n";
  return kExitOk;
}

int DepartmentSave(CommandContext& ctx, bool adding) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  dal::Department d;
  d.county = County(ctx, *db);
  d.code = ctx.args.at(0);
  std::optional<std::int32_t> version;
  if (!adding) {
    const auto all = db->Referrals().Departments(d.county);
    const auto it = std::find_if(all.begin(), all.end(), [&](const dal::Department& x) { return x.code == d.code; });
    if (it == all.end()) throw std::invalid_argument(TrFormat("county {1} has no department {2}", {d.county, d.code}));
    d = *it;
    version = it->version;
  }
  if (const auto name = ctx.Option("name")) d.name = *name;
  if (adding && d.name.empty()) throw std::invalid_argument(Tr("--name is required"));
  if (const auto phone = ctx.Option("phone")) d.phone = *phone;
  if (const auto order = ctx.Option("order")) d.sortOrder = static_cast<std::int32_t>(IdNumber("--order", *order));
  if (const auto active = ctx.Option("active")) {
    if (*active != "yes" && *active != "no") throw std::invalid_argument(TrFormat("--active is yes or no, not '{1}'", {*active}));
    d.active = *active == "yes";
  }
  db->Referrals().SaveDepartment(d, version);
  ctx.out << TrFormat("department {1} ({2}) saved", {d.code, d.name}) << "\n";
  return kExitOk;
}

int DepartmentHelp(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const std::string county = County(ctx, *db);
  dal::DepartmentHelp help;
  help.kind = EnumCodeOption<model::HelpKind>("kind", ctx.Option("kind").value_or(""));
  help.description = ctx.Option("description").value_or("");
  help.active = !ctx.Has("stop");
  if (const auto days = ctx.Option("days")) {
    help.workingDays = static_cast<std::int32_t>(IdNumber("--days", *days));
    help.daysFrom = DateOption(ctx, "from");
  }
  db->Referrals().SetDepartmentHelp(county, ctx.args.at(0), help);
  ctx.out << TrFormat(help.active ? "{1} gives {2}" : "{1} no longer gives {2}", {ctx.args.at(0), EnumWords<model::HelpKind>(help.kind)})
          << "\n";
  return kExitOk;
}

void PrintReferrals(CommandContext& ctx, const std::vector<dal::Referral>& referrals) {
  ctx.out << PadToWidth(Tr("referral"), 8) << PadToWidth(Tr("department"), 18) << PadToWidth(Tr("help"), 12)
          << PadToWidth(Tr("household"), 10) << PadToWidth(Tr("village"), 14) << PadToWidth(Tr("due"), 12)
          << PadToWidth(Tr("overdue"), 8) << Tr("state") << "\n";
  for (const auto& r : referrals) {
    std::string state = EnumWords<model::ReferralState>(r.state);
    if (r.closedOnBehalf) state += Tr(" (recorded by the center)");
    if (r.escalated) state += " · " + Tr("escalated");
    if (r.feedbackAmountFen) state += " · " + TrFormat("{1} yuan given", {YuanText(r.feedbackAmountFen)});
    ctx.out << PadToWidth(std::to_string(r.id), 8) << PadToWidth(r.departmentName, 18)
            << PadToWidth(EnumWords<model::HelpKind>(r.kind), 12) << PadToWidth(r.headName, 10)
            << PadToWidth(r.villageName, 14) << PadToWidth(r.dueOn, 12)
            << PadToWidth(r.overdueDays > 0 ? std::to_string(r.overdueDays) : std::string(), 8) << state << "\n";
  }
  ctx.out << TrFormat("{1} referrals", {std::to_string(referrals.size())}) << "\n";
}

int ReferralList(CommandContext& ctx) {
  dal::ReferralFilter filter;
  filter.department = ctx.Option("department").value_or("");
  filter.state = ctx.Option("state").value_or("");
  if (!filter.state.empty() && filter.state != "open") EnumCodeOption<model::ReferralState>("state", filter.state);
  if (ctx.Has("region")) filter.regionPrefix = RegionOption(ctx, true);
  filter.overdueOnly = ctx.Has("overdue");
  filter.escalatedOnly = ctx.Has("escalated");
  filter.limit = 1'000'000;
  const std::string format = ctx.Option("format").value_or("table");
  if (format != "table" && format != "csv") throw std::invalid_argument(TrFormat("--format takes table or csv, not '{1}'", {format}));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto referrals = db->Referrals().List(filter);
  if (format == "table") {
    PrintReferrals(ctx, referrals);
    return kExitOk;
  }
  // The answer file's columns first, so a department fills in the rest.
  CsvWriter csv(ctx.data);
  csv.Row({"referral_id", "result", "kind", "amount", "description", "date", "given_by", "reason", "department",
           "request", "household", "id_number_masked", "village", "phone", "due_on", "state", "overdue_days"});
  for (const auto& r : referrals) {
    csv.Row({std::to_string(r.id), "", "", "", "", "", "", "", r.departmentName, r.request, r.headName,
             r.headIdMasked, r.villageName, r.phone, r.dueOn, r.state, std::to_string(r.overdueDays)});
  }
  return kExitOk;
}

int ReferralSend(CommandContext& ctx) {
  dal::ReferralSubject subject;
  if (const auto h = ctx.Option("household")) subject.householdId = IdNumber("--household", *h);
  if (const auto c = ctx.Option("case")) subject.caseId = IdNumber("--case", *c);
  if (const auto a = ctx.Option("alert")) subject.alertId = IdNumber("--alert", *a);
  if (!subject.householdId && !subject.caseId && !subject.alertId) {
    throw std::invalid_argument(Tr("name what to refer: --household, --case or --alert"));
  }
  const std::string request = ctx.Option("request").value_or("");
  if (request.empty()) throw std::invalid_argument(Tr("--request is required"));
  std::vector<std::string> documents;
  for (const auto& d : model::Split(ctx.Option("documents").value_or(""), ';')) {
    if (!d.empty()) documents.push_back(d);
  }
  std::vector<dal::ReferralItem> items;
  for (const auto& to : model::Split(ctx.Option("to").value_or(""), ',')) {
    const auto parts = model::Split(to, ':');
    if (parts.size() != 2 || parts[0].empty()) {
      throw std::invalid_argument(TrFormat("--to takes DEPARTMENT:KIND[,DEPARTMENT:KIND...], not '{1}'", {to}));
    }
    items.push_back({parts[0], EnumCodeOption<model::HelpKind>("to", parts[1]), request, documents});
  }
  if (items.empty()) throw std::invalid_argument(Tr("--to is required"));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto ids = db->Referrals().Send(dal::NewRequestId(), subject, ctx.Option("note").value_or(""), items);
  std::vector<dal::Referral> referrals;
  for (const auto id : ids) {
    if (auto r = db->Referrals().Get(id)) referrals.push_back(*r);
  }
  PrintReferrals(ctx, referrals);
  return kExitOk;
}

dal::Referral Current(dal::pg::PgDatabase& db, std::int64_t id) {
  auto r = db.Referrals().Get(id);
  if (!r) throw std::invalid_argument(TrFormat("no referral {1} that you may see", {std::to_string(id)}));
  return *r;
}

int ReferralAccept(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto r = Current(*db, IdNumber(Tr("the referral"), ctx.args.at(0)));
  db->Referrals().Accept(r.id, r.version);
  ctx.out << TrFormat("referral {1} accepted", {std::to_string(r.id)}) << "\n";
  return kExitOk;
}

int ReferralDecline(CommandContext& ctx) {
  const std::string reason = ctx.Option("reason").value_or("");
  if (reason.empty()) throw std::invalid_argument(Tr("--reason is required"));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto r = Current(*db, IdNumber(Tr("the referral"), ctx.args.at(0)));
  db->Referrals().Decline(r.id, r.version, reason);
  ctx.out << TrFormat("referral {1} declined", {std::to_string(r.id)}) << "\n";
  return kExitOk;
}

dal::ReferralFeedback FeedbackOf(const std::string& kind, const std::string& amount, const std::string& description,
                                 const std::string& date, const std::string& givenBy, const std::string& terms) {
  dal::ReferralFeedback f;
  f.kind = kind;
  f.amountFen = AmountOption(Tr("the amount"), amount);
  f.description = description;
  f.givenOn = date;
  f.givenBy = givenBy;
  for (const auto& t : model::Split(terms, ',')) {
    if (!t.empty()) f.terms.push_back(EnumCodeOption<model::SupportTerm>("terms", t));
  }
  return f;
}

int ReferralFeedbackCommand(CommandContext& ctx) {
  const std::string kind = EnumCodeOption<model::HelpKind>("kind", ctx.Option("kind").value_or(""));
  auto f = FeedbackOf(kind, ctx.Option("amount").value_or(""), ctx.Option("description").value_or(""),
                      DateOption(ctx, "date"), ctx.Option("by").value_or(""), ctx.Option("terms").value_or(""));
  f.requestId = dal::NewRequestId();
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto r = Current(*db, IdNumber(Tr("the referral"), ctx.args.at(0)));
  db->Referrals().Feedback(r.id, r.version, f);
  ctx.out << TrFormat("referral {1} done", {std::to_string(r.id)}) << "\n";
  return kExitOk;
}

// The answer file's columns: what `referral list --format csv` writes first.
constexpr std::array kAnswerColumns{
    CsvColumnName{"referral_id", "转办编号", true},  CsvColumnName{"result", "办理结果", true},
    CsvColumnName{"kind", "帮扶类型", false},         CsvColumnName{"amount", "金额", false},
    CsvColumnName{"description", "帮扶内容", false},  CsvColumnName{"date", "帮扶日期", false},
    CsvColumnName{"given_by", "经办人", false},       CsvColumnName{"reason", "退回理由", false},
    CsvColumnName{"terms", "四帮四扶", false},        CsvColumnName{"department", "部门", false},
    CsvColumnName{"request", "转办事项", false},      CsvColumnName{"household", "户主", false},
    CsvColumnName{"id_number_masked", "身份证号", false}, CsvColumnName{"village", "村（社区）", false},
    CsvColumnName{"phone", "联系电话", false},        CsvColumnName{"due_on", "办理期限", false},
    CsvColumnName{"state", "状态", false},            CsvColumnName{"overdue_days", "逾期工作日", false},
};
enum AnswerColumn { kId, kResult, kKind, kAmount, kDescription, kDate, kGivenBy, kReason, kTerms };

// One answer line: done (已办结) with what was given, declined (退回) with
// the reason; a line left blank is a referral not answered yet.
struct Answer {
  std::int64_t line = 0;
  std::int64_t referral = 0;
  bool declined = false;
  std::string reason;
  dal::ReferralFeedback feedback;
};

std::optional<Answer> ReadAnswer(const model::FileRow& row, std::vector<model::ImportProblem>& problems) {
  const auto cell = [&](AnswerColumn c) { return c < static_cast<int>(row.values.size()) ? row.values[c] : std::string(); };
  const auto problem = [&](std::string column, std::string code, std::string message, std::vector<std::string> args = {}) {
    problems.push_back(model::MakeImportProblem(row.line, std::move(column), std::move(code), std::move(message), std::move(args)));
  };
  for (const auto& p : row.readProblems) problems.push_back(p);
  const std::string result = cell(kResult);
  if (result.empty()) return std::nullopt;
  Answer a;
  a.line = row.line;
  try {
    a.referral = IdNumber("referral_id", cell(kId));
  } catch (const std::invalid_argument&) {
    problem("referral_id", "referral_id.malformed", "a referral number, not '{1}'", {cell(kId)});
    return std::nullopt;
  }
  if (result == "declined" || result == "退回") {
    a.declined = true;
    a.reason = cell(kReason);
    if (a.reason.empty()) problem("reason", "reason.missing", "a declined referral needs its reason");
    return a;
  }
  if (result != "done" && result != "已办结") {
    problem("result", "result.unknown", "done or declined, not '{1}'", {result});
    return std::nullopt;
  }
  const auto kind = std::find_if(model::EnumTexts<model::HelpKind>().begin(), model::EnumTexts<model::HelpKind>().end(),
                                 [&](const auto& t) { return t.code == cell(kKind) || t.chinese == cell(kKind); });
  if (kind == model::EnumTexts<model::HelpKind>().end()) {
    problem("kind", "kind.unknown", "a kind of help ({1}), not '{2}'", {EnumCodes<model::HelpKind>(), cell(kKind)});
  } else {
    a.feedback.kind = std::string(kind->code);
  }
  if (!cell(kAmount).empty()) {
    const auto money = model::Money::ParseYuan(cell(kAmount));
    if (!money || money->Fen() <= 0) {
      problem("amount", "amount.malformed", "an amount in yuan with at most 2 decimals, not '{1}'", {cell(kAmount)});
    } else {
      a.feedback.amountFen = money->Fen();
    }
  }
  a.feedback.description = cell(kDescription);
  if (!a.feedback.amountFen && a.feedback.description.empty() && cell(kAmount).empty()) {
    problem("description", "description.missing", "what was given: an amount or a description");
  }
  if (!model::ParseIsoDate(cell(kDate))) problem("date", "date.malformed", "a date YYYY-MM-DD, not '{1}'", {cell(kDate)});
  a.feedback.givenOn = cell(kDate);
  a.feedback.givenBy = cell(kGivenBy);
  if (a.feedback.givenBy.empty()) problem("given_by", "given_by.missing", "the department's person who gave it");
  for (const auto& t : model::Split(cell(kTerms), ',')) {
    const auto term = std::find_if(model::EnumTexts<model::SupportTerm>().begin(), model::EnumTexts<model::SupportTerm>().end(),
                                   [&](const auto& x) { return x.code == t || x.chinese == t; });
    if (term == model::EnumTexts<model::SupportTerm>().end()) {
      problem("terms", "terms.unknown", "support terms ({1}), not '{2}'", {EnumCodes<model::SupportTerm>(), t});
    } else {
      a.feedback.terms.emplace_back(term->code);
    }
  }
  return a;
}

// Every line checked first; a file with a problem changes nothing. Then
// each answer is sent with a request id drawn from the file and the line,
// so the same file again records nothing twice.
int ReferralAnswers(CommandContext& ctx) {
  const std::string path = ctx.args.at(0);
  const std::string bytes = ReadFileBytes(PathFromUtf8(path));
  const auto table = ParseCsvTable(bytes, ParseFileEncoding(ctx.Option("encoding")), kAnswerColumns, "referral_id",
                                   "docs/joint-loop.md");
  std::vector<model::ImportProblem> problems;
  std::vector<Answer> answers;
  for (const auto& row : table.rows) {
    const std::size_t before = problems.size();
    auto a = ReadAnswer(row, problems);
    if (a && problems.size() == before) answers.push_back(std::move(*a));
  }
  const std::string digest = model::Sha256Hex(bytes);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  int recorded = 0, unchanged = 0;
  if (problems.empty() && !ctx.Has("dry-run")) {
    ProgressLine progress;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const auto& a = answers[i];
      progress.Show(TrFormat("answering {1}/{2}", {std::to_string(i + 1), std::to_string(answers.size())}));
      try {
        const auto r = Current(*db, a.referral);
        if (a.declined && r.state == "declined" && r.declineReason == a.reason) {
          ++unchanged;
          continue;
        }
        if (a.declined) {
          db->Referrals().Decline(r.id, r.version, a.reason);
        } else {
          auto f = a.feedback;
          f.requestId = RequestIdFrom(digest + ":" + std::to_string(a.line));
          if (r.state == "done" && db->Referrals().Feedback(r.id, r.version, f) == r.version) {
            ++unchanged;
            continue;
          }
          if (r.state != "done") db->Referrals().Feedback(r.id, r.version, f);
        }
        ++recorded;
      } catch (const std::exception& e) {
        problems.push_back(model::MakeImportProblem(a.line, "referral_id", "referral.refused", "{1}", {dal::FailureText(e)}));
      }
    }
  }
  PrintProblems(ctx.err, problems);
  if (const auto report = ctx.Option("report"); report && !problems.empty()) {
    std::ofstream out(PathFromUtf8(*report), std::ios::binary);
    CsvWriter csv(out);
    auto header = table.header;
    for (auto& c : ReportColumns(IsChineseHeader(table.header))) header.push_back(c);
    csv.Row(header);
    const auto byLine = ReportCellsByLine(problems);
    for (const auto& row : table.rows) {
      const auto it = byLine.find(row.line);
      if (it == byLine.end()) continue;
      auto cells = row.values;
      cells.resize(table.header.size());
      for (const auto& c : it->second) cells.push_back(c);
      csv.Row(cells);
    }
  }
  ctx.out << TrFormat("{1} answers read, {2} recorded, {3} already recorded, {4} lines with problems",
                      {std::to_string(answers.size()), std::to_string(recorded), std::to_string(unchanged),
                       std::to_string(problems.size())})
          << "\n";
  return problems.empty() ? kExitOk : kExitRowsRejected;
}

}  // namespace

std::vector<Command> ReferralCommands() {
  const std::string county = " --county names the county (6 digits; default: your own scope's county).";
  return {
      {{"department", "list"},
       "department list [--county CODE]",
       "list a county's departments and the help each gives",
       "Lists the departments of the joint assistance center's catalog with the kinds of help each gives and the "
       "working days each has to answer a referral for it." + county,
       {"county"},
       0,
       DepartmentList},
      {{"department", "add"},
       "department add CODE --name NAME [--county CODE] [--phone P] [--order N]",
       "add a department to the catalog",
       "Adds a department (CODE: lower-case letters, digits and _). Center administrators of the county." + county,
       {"county", "name", "phone", "order"},
       1,
       [](CommandContext& ctx) { return DepartmentSave(ctx, true); }},
      {{"department", "set"},
       "department set CODE [--name NAME] [--phone P] [--order N] [--active yes|no] [--county CODE]",
       "change a department of the catalog",
       "Changes a department's name, phone, order or whether it takes referrals (a department that stops is made "
       "inactive; its code is never reused)." + county,
       {"county", "name", "phone", "order", "active"},
       1,
       [](CommandContext& ctx) { return DepartmentSave(ctx, false); }},
      {{"department", "help"},
       "department help CODE --kind KIND [--days N [--from YYYY-MM-DD]] [--description D] [--stop] [--county CODE]",
       "set a kind of help a department gives and its due days",
       "Says that the department gives a kind of help (cash, in_kind, service, job, school_aid, medical_aid, "
       "housing) and, from --from (default today), how many working days it has to answer a referral for it; "
       "earlier days keep counting for referrals sent before. --stop: it no longer gives it." + county,
       {"county", "kind", "days", "from", "description", "stop"},
       1,
       DepartmentHelp},
      {{"referral", "list"},
       "referral list [--department CODE] [--state open|sent|accepted|done|declined] [--region PREFIX] [--overdue] "
       "[--escalated] [--format table|csv]",
       "list the referrals you may see",
       "Lists referrals, open ones first by due date (escalated ones first): a liaison their own department's, "
       "the desk those of its scope. --overdue keeps the late ones, --escalated those late past the "
       "referral_escalation_days parameter. --format csv writes the answer file a department fills in "
       "(referral answers).",
       {"department", "state", "region", "overdue", "escalated", "format"},
       0,
       ReferralList},
      {{"referral", "send"},
       "referral send (--household ID|--case ID|--alert ID) --to DEPT:KIND[,DEPT:KIND...] --request TEXT "
       "[--documents \"A;B\"] [--note TEXT]",
       "refer a household, case or alert to departments",
       "Sends one referral per department and kind at once, each due its working days from today.",
       {"household", "case", "alert", "to", "request", "documents", "note"},
       0,
       ReferralSend},
      {{"referral", "accept"}, "referral accept ID", "accept a referral", "The department accepts the referral.", {},
       1, ReferralAccept},
      {{"referral", "decline"},
       "referral decline ID --reason TEXT",
       "decline a referral with the reason",
       "The department declines the referral with its reason; a center administrator records it on the "
       "department's behalf, marked as such.",
       {"reason"},
       1,
       ReferralDecline},
      {{"referral", "feedback"},
       "referral feedback ID --kind KIND (--amount YUAN|--description TEXT) --by NAME [--date YYYY-MM-DD] "
       "[--terms T,T]",
       "record what a department gave and close the referral",
       "Records the department's feedback (the kind of help, an amount in yuan or a description, the date, the "
       "department's person, the 四帮四扶 terms) as help the household received, and closes the referral.",
       {"kind", "amount", "description", "by", "date", "terms"},
       1,
       ReferralFeedbackCommand},
      {{"referral", "answers"},
       "referral answers FILE [--encoding auto|utf-8|gbk] [--dry-run] [--report FILE]",
       "record a department's answers from a file",
       "Reads a department's answer file (what `referral list --format csv` writes, filled in: result done/已办结 "
       "with kind, amount or description, date and the department's person, or declined/退回 with the reason; "
       "Chinese or English headers, UTF-8 or GBK). Every line is checked first and a file with a problem changes "
       "nothing; --report writes those lines with their reasons. The same file again records nothing twice.",
       {"encoding", "dry-run", "report"},
       1,
       ReferralAnswers},
  };
}

}  // namespace doudi::admin
