// The month's rosters from the data layer: the payment lines as written by
// `payments generate` (masked by the database already, masked again by the
// builder), and the public notices that run during the month, one list per
// village because a notice is posted in its village.
#include <algorithm>
#include <map>
#include <set>

#include "doudi/reports/case_documents.h"
#include "doudi/reports/documents.h"
#include "places.h"

namespace doudi::reports {
namespace {

using assembly::ParseDate;
using assembly::Places;
using std::chrono::year_month;
using std::chrono::year_month_day;

void RequireInScope(const Places& places, const std::string& region) {
  const auto size = region.size();
  const bool wellFormed = (size == 6 || size == 9 || size == 12) &&
                          std::all_of(region.begin(), region.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!wellFormed || places.Name(region).empty()) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::OutOfScope,
                              "region " + region + " is not a county, township or village in your scope");
  }
}

// A monthly document's number: 三民发〔2026〕07号 (kind 发 payments, 统
// statistics, 示 a village's notices), with -township/village digits for a
// smaller region.
std::string MonthlyNumber(const Places& places, const std::string& kind, const std::string& region, year_month month) {
  return places.CountyInitial(region) + "民" + kind + "〔" + std::to_string(static_cast<int>(month.year())) + "〕" +
         assembly::TwoDigitMonth(month) + (region.size() > 6 ? "-" + region.substr(6) : std::string()) + "号";
}

// What every roster starts from: the area, refused unless it is a county,
// township or village in the caller's scope, its places' names, and who
// issues documents there.
struct RosterArea {
  RosterArea(DocumentSources& sources, const std::string& region)
      : places(sources.regionNames), issuer(sources.parameters, places) {
    RequireInScope(places, region);
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
std::vector<dal::RosterLine> PaymentLines(DocumentSources& sources, const std::string& region, year_month month) {
  const std::string monthText = IsoMonth(month);
  auto lines = sources.cases.PaymentRoster(monthText, region);
  if (lines.empty()) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::Empty,
                              "no payment lines for " + monthText + " under " + region +
                                  " (doudi-admin payments generate --month " + monthText + " writes them)");
  }
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
  RosterArea roster(sources, region);
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
  RosterArea roster(sources, region);
  StatisticsInput input;
  input.issue = roster.MonthlyIssue("dibao", "统", region, month, today);
  input.period = std::to_string(static_cast<int>(month.year())) + "年" +
                 std::to_string(static_cast<unsigned>(month.month())) + "月";
  input.regionName = roster.places.FullName(region);
  // One row per (area one level below region, program); a household counts
  // once per program however many lines (monthly and one-off) it has.
  std::map<std::pair<std::string, std::string>, StatisticsLine> rows;
  std::set<std::pair<std::string, std::int64_t>> counted;
  for (const auto& line : PaymentLines(sources, region, month)) {
    const std::string area = region.size() == 6 ? line.townshipName : line.villageName;
    auto& row = rows[{area, line.programName}];
    row.region = area;
    row.program = line.programName;
    row.amount += line.amount;
    if (counted.insert({line.programName, line.caseId}).second) {
      row.households += 1;
      row.persons += line.householdSize;
    }
  }
  for (auto& [key, row] : rows) input.lines.push_back(std::move(row));
  return StatisticsSummary(input);
}

Document NoticeRosterDocument(DocumentSources& sources, const std::string& region, year_month month,
                              year_month_day today) {
  RosterArea roster(sources, region);
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
