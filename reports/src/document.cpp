#include "doudi/reports/document.h"

#include <utility>

namespace doudi::reports {

Cell TextCell(std::string text) {
  return Cell{std::move(text), std::nullopt};
}

Cell IntegerCell(std::int64_t value) {
  return Cell{std::to_string(value), value};
}

Cell MoneyCell(model::Money amount) {
  return Cell{amount.ToDisplayString(), amount.Fen()};
}

std::string ChineseDate(std::chrono::year_month_day date) {
  return std::to_string(static_cast<int>(date.year())) + "年" + std::to_string(static_cast<unsigned>(date.month())) +
         "月" + std::to_string(static_cast<unsigned>(date.day())) + "日";
}

std::string ChineseMonth(std::chrono::year_month month) {
  return std::to_string(static_cast<int>(month.year())) + "年" +
         std::to_string(static_cast<unsigned>(month.month())) + "月";
}

}  // namespace doudi::reports
