#pragma once
// Dates as every layer writes and reads them: YYYY-MM-DD (ISO 8601), the
// form of the database, the files and the forms.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace doudi::model {

// "2026-02-05". Years outside 0..9999 print as many digits as they have.
std::string IsoDate(std::chrono::year_month_day date);

// Exactly YYYY-MM-DD naming a real date ("2026-02-30" is not); nullopt
// otherwise, also for surrounding spaces or a time after the date.
std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view text);

}  // namespace doudi::model
