#pragma once
// What the pairing section (挂钩帮扶) shows and checks without a window: a
// household's six levels in order, each with the person responsible now
// (or none); the words for "4/6 levels" and the missing ones; and a date
// typed in the assign and visit forms (empty: today; never after today).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/pairing_repository.h"
#include "doudi/model/pairing.h"

namespace doudi::workstation {

struct PairingLevelRow {
  model::PairingLevel level;
  std::optional<dal::PairingAssignment> current;  // none: nobody named yet
};

// The six levels in the model's order, each with its current assignment
// among those given (ended ones are ignored).
std::vector<PairingLevelRow> PairingLevels(const std::vector<dal::PairingAssignment>& assignments);

// The Chinese words of the missing levels, joined by "、" ("" when none).
std::string MissingLevelsText(const std::vector<std::string>& missingLevels);

enum class PairingDateProblem { None, Malformed, Future };

// An empty text is today's date and fine.
PairingDateProblem CheckPairingDate(std::string_view text, std::chrono::year_month_day today);

}  // namespace doudi::workstation
