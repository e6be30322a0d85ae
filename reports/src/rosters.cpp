// The rosters: public notice, monthly payment, and the statistics summary.

#include <algorithm>
#include <map>
#include <utility>

#include "builder_parts.h"
#include "doudi/reports/documents.h"

namespace doudi::reports {
namespace {

constexpr std::size_t kPaymentAmountColumn = 7;

// Households, persons and money of a group of payment lines.
struct Sum {
  std::int64_t households = 0;
  std::int64_t persons = 0;
  model::Money amount;

  void Add(const PaymentLineInput& line) {
    ++households;
    persons += line.householdSize;
    amount += line.amount;
  }
};

Row SumRow(RowKind kind, const std::string& label, const Sum& sum) {
  return Row{kind,
             {TextCell(""), TextCell(label), TextCell(std::to_string(sum.households) + "户"), TextCell(""), TextCell(""),
              IntegerCell(sum.persons), TextCell(""), MoneyCell(sum.amount)}};
}

Table PaymentTable() {
  Table table;
  table.columns = {
      {"序号", 0.7, Align::Center, ColumnKind::Integer}, {"村（社区）", 1.6, Align::Left, ColumnKind::Text},
      {"姓名", 1.0, Align::Center, ColumnKind::Text},    {"身份证号", 2.0, Align::Center, ColumnKind::Text},
      {"银行账号", 1.1, Align::Center, ColumnKind::Text}, {"家庭人口", 0.8, Align::Center, ColumnKind::Integer},
      {"救助类别", 1.3, Align::Center, ColumnKind::Text}, {"发放金额（元）", 1.3, Align::Right, ColumnKind::Money},
  };
  table.pageTotalColumn = kPaymentAmountColumn;
  return table;
}

// Lines in township order, then village order, each as first met, so the
// caller's order (usually by region code) is kept and every group is whole.
std::vector<const PaymentLineInput*> GroupedLines(const std::vector<PaymentLineInput>& lines) {
  std::map<std::string, std::size_t> townshipRank;
  std::map<std::pair<std::string, std::string>, std::size_t> villageRank;
  for (const PaymentLineInput& line : lines) {
    townshipRank.emplace(line.township, townshipRank.size());
    villageRank.emplace(std::make_pair(line.township, line.village), villageRank.size());
  }
  std::vector<const PaymentLineInput*> ordered;
  ordered.reserve(lines.size());
  for (const PaymentLineInput& line : lines) {
    ordered.push_back(&line);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [&](const PaymentLineInput* a, const PaymentLineInput* b) {
    const auto rankA = std::make_pair(townshipRank.at(a->township), villageRank.at({a->township, a->village}));
    const auto rankB = std::make_pair(townshipRank.at(b->township), villageRank.at({b->township, b->village}));
    return rankA < rankB;
  });
  return ordered;
}

}  // namespace

Document NoticeRoster(const NoticeRosterInput& input) {
  Document document = detail::NewDocument(
      input.issue, input.program + "公示名单",
      input.village + "　公示期：" + ChineseDate(input.noticeFrom) + "至" + ChineseDate(input.noticeTo));
  document.blocks.emplace_back(detail::Indented(
      "经入户调查、家庭经济状况核对和审核，拟对以下家庭给予" + input.program + "，现予公示。公示期自" +
      ChineseDate(input.noticeFrom) + "至" + ChineseDate(input.noticeTo) + "。如有异议，请在公示期内向" +
      input.objectionContact + "反映。"));
  Table table;
  table.columns = {
      {"序号", 0.6, Align::Center, ColumnKind::Integer},
      {"姓名", 1.5, Align::Center, ColumnKind::Text},
      {"家庭人口", 1.0, Align::Center, ColumnKind::Integer},
      {"月保障金额（元）", 1.5, Align::Right, ColumnKind::Money},
  };
  std::int64_t index = 0;
  std::int64_t persons = 0;
  model::Money total;
  for (const NoticeEntry& entry : input.entries) {
    table.rows.push_back(Row{RowKind::Normal,
                             {IntegerCell(++index), TextCell(entry.name), IntegerCell(entry.householdSize),
                              MoneyCell(entry.monthlyAmount)}});
    persons += entry.householdSize;
    total += entry.monthlyAmount;
  }
  table.rows.push_back(Row{RowKind::Total, {TextCell("合计"), TextCell(std::to_string(index) + "户"), IntegerCell(persons), MoneyCell(total)}});
  document.blocks.emplace_back(std::move(table));
  document.blocks.emplace_back(OfficeSeal{input.issue.office, input.issue.date});
  return document;
}

Document PaymentRoster(const PaymentRosterInput& input) {
  Document document = detail::NewDocument(input.issue, input.regionName + "社会救助资金发放花名册",
                                          "发放月份：" + ChineseMonth(input.month));
  document.orientation = Orientation::Landscape;
  Table table = PaymentTable();
  table.rows.reserve(input.lines.size() * 11 / 10 + 2);
  Sum village;
  Sum township;
  Sum all;
  std::int64_t index = 0;
  const auto ordered = GroupedLines(input.lines);
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    const PaymentLineInput& line = *ordered[i];
    table.rows.push_back(Row{RowKind::Normal,
                             {IntegerCell(++index), TextCell(line.village), TextCell(line.name),
                              TextCell(MaskIdNumber(line.idNumber, input.issue.date)),
                              TextCell(MaskAccount(line.bankAccount)), IntegerCell(line.householdSize),
                              TextCell(line.program), MoneyCell(line.amount)}});
    village.Add(line);
    township.Add(line);
    all.Add(line);
    const PaymentLineInput* next = i + 1 < ordered.size() ? ordered[i + 1] : nullptr;
    const bool townshipEnds = next == nullptr || next->township != line.township;
    if (townshipEnds || next->village != line.village) {
      table.rows.push_back(SumRow(RowKind::Subtotal, line.village + " 小计", village));
      village = {};
    }
    if (townshipEnds) {
      table.rows.push_back(SumRow(RowKind::Subtotal, line.township + " 小计", township));
      township = {};
    }
  }
  table.rows.push_back(SumRow(RowKind::Total, "合计", all));
  document.blocks.emplace_back(FieldGrid{
      4,
      {
          {"发放月份", ChineseMonth(input.month)},
          {"发放户数", std::to_string(all.households) + "户"},
          {"保障人数", std::to_string(all.persons) + "人"},
          {"发放总额", all.amount.ToDisplayString() + "元"},
      },
  });
  document.blocks.emplace_back(std::move(table));
  document.blocks.emplace_back(
      Signatures{{{"制表人", "", false}, {"审核人", "", false}, {"财务负责人", "", false}, {"单位负责人", "", true}}});
  return document;
}

Document StatisticsSummary(const StatisticsInput& input) {
  Document document = detail::NewDocument(input.issue, input.regionName + "社会救助统计汇总表",
                                          "统计期间：" + input.period);
  const std::vector<Column> counts = {
      {"户数", 0.8, Align::Right, ColumnKind::Integer},
      {"人数", 0.8, Align::Right, ColumnKind::Integer},
      {"金额（元）", 1.4, Align::Right, ColumnKind::Money},
  };
  auto sumCells = [](const StatisticsLine& sum) {
    return std::vector<Cell>{IntegerCell(sum.households), IntegerCell(sum.persons), MoneyCell(sum.amount)};
  };
  auto addTo = [](StatisticsLine& sum, const StatisticsLine& line) {
    sum.households += line.households;
    sum.persons += line.persons;
    sum.amount += line.amount;
  };

  Table byRegion;
  byRegion.columns = {{"地区", 1.6, Align::Left, ColumnKind::Text}, {"救助类别", 1.4, Align::Center, ColumnKind::Text}};
  byRegion.columns.insert(byRegion.columns.end(), counts.begin(), counts.end());
  std::vector<std::string> programs;
  std::map<std::string, StatisticsLine> byProgram;
  StatisticsLine regionSum;
  StatisticsLine all;
  for (std::size_t i = 0; i < input.lines.size(); ++i) {
    const StatisticsLine& line = input.lines[i];
    Row row{RowKind::Normal, {TextCell(line.region), TextCell(line.program)}};
    for (Cell& cell : sumCells(line)) {
      row.cells.push_back(std::move(cell));
    }
    byRegion.rows.push_back(std::move(row));
    if (byProgram.find(line.program) == byProgram.end()) {
      programs.push_back(line.program);
    }
    addTo(byProgram[line.program], line);
    addTo(regionSum, line);
    addTo(all, line);
    if (i + 1 == input.lines.size() || input.lines[i + 1].region != line.region) {
      Row subtotal{RowKind::Subtotal, {TextCell(line.region + " 小计"), TextCell("")}};
      for (Cell& cell : sumCells(regionSum)) {
        subtotal.cells.push_back(std::move(cell));
      }
      byRegion.rows.push_back(std::move(subtotal));
      regionSum = {};
    }
  }
  Row total{RowKind::Total, {TextCell("合计"), TextCell("")}};
  for (Cell& cell : sumCells(all)) {
    total.cells.push_back(cell);
  }
  byRegion.rows.push_back(total);

  Table programTable;
  programTable.columns = {{"救助类别", 3.0, Align::Center, ColumnKind::Text}};
  programTable.columns.insert(programTable.columns.end(), counts.begin(), counts.end());
  for (const std::string& program : programs) {
    Row row{RowKind::Normal, {TextCell(program)}};
    for (Cell& cell : sumCells(byProgram[program])) {
      row.cells.push_back(std::move(cell));
    }
    programTable.rows.push_back(std::move(row));
  }
  total.cells.erase(total.cells.begin() + 1);
  programTable.rows.push_back(std::move(total));

  document.blocks.emplace_back(Heading{"一、分地区统计"});
  document.blocks.emplace_back(std::move(byRegion));
  document.blocks.emplace_back(Heading{"二、分救助类别统计"});
  document.blocks.emplace_back(std::move(programTable));
  document.blocks.emplace_back(Signatures{{{"填报人", "", false}, {"审核人", "", false}, {"单位负责人", "", true}}});
  return document;
}

}  // namespace doudi::reports
