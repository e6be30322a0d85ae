// The month's rosters from the data layer: the payment lines as written by
// `payments generate` (masked by the database already, masked again by the
// builder), and the public notices that run during the month, one list per
// village because a notice is posted in its village.
#include <algorithm>
#include <map>

#include "doudi/reports/case_documents.h"
#include "doudi/reports/documents.h"
#include "places.h"

namespace doudi::reports {

bool RosterTakesRegion(RosterKind kind, const std::string& prefix) {
  const auto size = prefix.size();
  const bool listsPeople = size == 6 || size == 9 || size == 12;
  const bool sums = kind == RosterKind::Statistics && (size == 2 || size == 4);
  return (listsPeople || sums) &&
         std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t StatisticsAreaDigits(const std::string& prefix) {
  switch (prefix.size()) {
    case 2:
      return 4;
    case 4:
      return 6;
    case 6:
      return 9;
    default:
      return 12;
  }
}

namespace {

using assembly::ParseDate;
using assembly::Places;
using std::chrono::year_month;
using std::chrono::year_month_day;

void RequireInScope(const Places& places, RosterKind kind, const std::string& region) {
  if (!RosterTakesRegion(kind, region) || places.Name(region).empty()) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::OutOfScope,
                              kind == RosterKind::Statistics
                                  ? "region " + region +
                                        " is not a province, prefecture, county, township or "
                                        "village in your scope"
                                  : "region " + region + " is not a county, township or village in your scope");
  }
}

// A monthly document's number: 三民发〔2026〕07号 (kind 发 payments, 统
// statistics, 示 a village's notices), with -township/village digits for a
// smaller region; a province's or prefecture's statistics take its own
// initial (浙民统〔2026〕11号).
std::string MonthlyNumber(const Places& places, const std::string& kind, const std::string& region, year_month month) {
  const std::string initial =
      region.size() >= 6 ? places.CountyInitial(region) : places.Name(region).substr(0, 3);  // one CJK character
  return initial + "民" + kind + "〔" + std::to_string(static_cast<int>(month.year())) + "〕" +
         assembly::TwoDigitMonth(month) + (region.size() > 6 ? "-" + region.substr(6) : std::string()) + "号";
}

// What every roster starts from: the area, refused unless the kind may be
// of it and it is in the caller's scope, its places' names, and who issues
// documents there.
struct RosterArea {
  RosterArea(DocumentSources& sources, RosterKind kind, const std::string& region)
      : places(sources.regionNames), issuer(sources.parameters, places) {
    RequireInScope(places, kind, region);
  }
  RosterArea(const RosterArea&) = delete;  // the issuer refers to places
  RosterArea& operator=(const RosterArea&) = delete;

  // A monthly document of kind (see MonthlyNumber) for code, the area or a
  // place in it: the office of program there, issued today.
  Issue MonthlyIssue(const std::string& program, const std::string& kind, const std::string& code, year_month month,
                     year_month_day today) {
    return {issuer.Office(program, code, today), MonthlyNumber(places, kind, code, month), today};
  }

  Places places;
  assembly::Issuer issuer;
};

// The month's payment lines under region; throws DocumentUnavailable when
// there are none, saying how they are written.
[[noreturn]] void NoPaymentLines(const std::string& region, const std::string& monthText) {
  throw DocumentUnavailable(DocumentUnavailable::Reason::Empty,
                            "no payment lines for " + monthText + " under " + region +
                                " (doudi-admin payments generate --month " + monthText + " writes them)");
}

std::vector<dal::RosterLine> PaymentLines(DocumentSources& sources, const std::string& region, year_month month) {
  const std::string monthText = IsoMonth(month);
  auto lines = sources.cases.PaymentRoster(monthText, region);
  if (lines.empty()) NoPaymentLines(region, monthText);
  return lines;
}

// The notices of each village under region that run during the month, the
// villages in the data layer's order.
struct VillageNotices {
  std::vector<std::string> order;
  std::map<std::string, std::vector<dal::NoticeEntry>> entries;
};

VillageNotices NoticesInMonth(const std::vector<dal::NoticeEntry>& all, year_month month) {
  const year_month_day monthStart = month / 1;
  const year_month_day monthEnd = month / std::chrono::last;
  VillageNotices out;
  for (const auto& entry : all) {
    const auto start = ParseDate(entry.noticeStart);
    const auto end = ParseDate(entry.noticeEnd);
    if (!start || !end || *start > monthEnd || *end < monthStart) continue;
    if (!out.entries.count(entry.regionCode)) out.order.push_back(entry.regionCode);
    out.entries[entry.regionCode].push_back(entry);
  }
  return out;
}

Document VillageNoticeRoster(RosterArea& roster, const std::string& code, const std::vector<dal::NoticeEntry>& entries,
                             year_month month, year_month_day today) {
  NoticeRosterInput input;
  input.issue = roster.MonthlyIssue(entries.front().program, "示", code, month, today);
  input.village = roster.places.FullName(code);
  input.program = entries.front().programName;
  input.noticeFrom = *ParseDate(entries.front().noticeStart);
  input.noticeTo = *ParseDate(entries.front().noticeEnd);
  for (const auto& entry : entries) {
    input.noticeFrom = std::min(input.noticeFrom, *ParseDate(entry.noticeStart));
    input.noticeTo = std::max(input.noticeTo, *ParseDate(entry.noticeEnd));
    if (entry.programName != input.program) input.program = "社会救助";  // several programs on one board
    input.entries.push_back({entry.applicantName, entry.householdSize, entry.monthly});
  }
  const std::string township = code.size() >= 9 ? roster.places.Name(code.substr(0, 9)) : "";
  input.objectionContact = (township.empty() ? std::string() : township + "或") + input.issue.office;
  return NoticeRoster(input);
}

}  // namespace

std::string IsoMonth(year_month month) {
  return std::to_string(static_cast<int>(month.year())) + "-" + assembly::TwoDigitMonth(month);
}

Document PaymentRosterDocument(DocumentSources& sources, const std::string& region, year_month month,
                               year_month_day today) {
  RosterArea roster(sources, RosterKind::Payment, region);
  PaymentRosterInput input;
  input.issue = roster.MonthlyIssue("dibao", "发", region, month, today);
  input.month = month;
  input.regionName = roster.places.FullName(region);
  for (const auto& line : PaymentLines(sources, region, month)) {
    input.lines.push_back({line.townshipName, line.villageName, line.applicantName, line.maskedId, line.maskedAccount,
                           line.householdSize, line.programName + (line.kind == "one_off" ? "（一次性）" : ""),
                           line.amount});
  }
  return PaymentRoster(input);
}

Document StatisticsDocument(DocumentSources& sources, const std::string& region, year_month month,
                            year_month_day today) {
  RosterArea roster(sources, RosterKind::Statistics, region);
  StatisticsInput input;
  input.issue = roster.MonthlyIssue("dibao", "统", region, month, today);
  input.period = std::to_string(static_cast<int>(month.year())) + "年" +
                 std::to_string(static_cast<unsigned>(month.month())) + "月";
  input.regionName = roster.places.FullName(region);
  // One row per (area one level below region, program), summed by the
  // database: a province's month is a few hundred rows, not its lines.
  const std::string monthText = IsoMonth(month);
  const auto rows = sources.cases.PaymentStatistics(monthText, region, StatisticsAreaDigits(region));
  if (rows.empty()) NoPaymentLines(region, monthText);
  for (const auto& row : rows) {
    StatisticsLine line;
    line.region = row.areaName;
    line.program = row.programName;
    line.households = static_cast<int>(row.households);
    line.persons = static_cast<int>(row.persons);
    line.amount = row.amount;
    input.lines.push_back(std::move(line));
  }
  return StatisticsSummary(input);
}

Document NoticeRosterDocument(DocumentSources& sources, const std::string& region, year_month month,
                              year_month_day today) {
  RosterArea roster(sources, RosterKind::Notice, region);
  const auto villages = NoticesInMonth(sources.cases.PublicNotices(region), month);
  if (villages.order.empty()) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::Empty,
                              "no public notice runs under " + region + " in " + IsoMonth(month));
  }
  std::optional<Document> all;
  for (const auto& code : villages.order) {
    auto document = VillageNoticeRoster(roster, code, villages.entries.at(code), month, today);
    if (!all) {
      all = std::move(document);
      continue;
    }
    // Further villages follow, each under its own heading.
    all->blocks.emplace_back(Heading{document.subtitle});
    for (auto& block : document.blocks) all->blocks.push_back(std::move(block));
  }
  return std::move(*all);
}

}  // namespace doudi::reports
