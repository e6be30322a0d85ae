#include "doudi/model/iso_date.h"

#include "doudi/model/text.h"

namespace doudi::model {
namespace {

std::string TwoDigits(unsigned value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

std::string IsoDate(std::chrono::year_month_day date) {
  const int year = static_cast<int>(date.year());
  std::string text = std::to_string(year);
  if (year >= 0 && year < 1000) text.insert(0, 4 - text.size(), '0');
  return text + "-" + TwoDigits(static_cast<unsigned>(date.month())) + "-" +
         TwoDigits(static_cast<unsigned>(date.day()));
}

std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto number = [&](std::size_t pos, std::size_t length) -> std::optional<int> {
    const std::string_view digits = text.substr(pos, length);
    if (!IsAsciiDigits(digits)) {
      return std::nullopt;
    }
    int value = 0;
    for (const char c : digits) {
      value = value * 10 + (c - '0');
    }
    return value;
  };
  const auto year = number(0, 4);
  const auto month = number(5, 2);
  const auto day = number(8, 2);
  if (!year || !month || !day) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

}  // namespace doudi::model
