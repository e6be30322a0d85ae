#include "doudi/workstation/pairing_levels.h"

#include "doudi/model/iso_date.h"

namespace doudi::workstation {

std::vector<PairingLevelRow> PairingLevels(const std::vector<dal::PairingAssignment>& assignments) {
  std::vector<PairingLevelRow> rows;
  for (const auto& level : model::EnumTexts<model::PairingLevel>()) {
    PairingLevelRow row{level.value, std::nullopt};
    for (const auto& a : assignments) {
      if (a.level == level.code && a.until.empty()) row.current = a;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string MissingLevelsText(const std::vector<std::string>& missingLevels) {
  std::string text;
  for (const auto& code : missingLevels) {
    const auto level = model::ParseEnum<model::PairingLevel>(code);
    text += (text.empty() ? "" : "、") + (level ? std::string(model::ToChinese(*level)) : code);
  }
  return text;
}

PairingDateProblem CheckPairingDate(std::string_view text, std::chrono::year_month_day today) {
  if (text.empty()) return PairingDateProblem::None;
  const auto date = model::ParseIsoDate(std::string(text));
  if (!date) return PairingDateProblem::Malformed;
  if (std::chrono::sys_days(*date) > std::chrono::sys_days(today)) return PairingDateProblem::Future;
  return PairingDateProblem::None;
}

}  // namespace doudi::workstation
