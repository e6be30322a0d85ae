#include "doudi/model/intake.h"

namespace doudi::model {

// The English words are msgids: their Chinese is in assets/locale/zh_CN/doudi.po.
const std::vector<IntakeWord>& IntakeCategories() {
  static const std::vector<IntakeWord> words{
      {"illness", "Illness"},
      {"accident", "Accident"},
      {"disaster", "Disaster"},
      {"income_loss", "Loss of income"},
      {"disability", "Living with a disability"},
      {"elderly_alone", "Elderly living alone"},
      {"child", "Child in difficulty"},
      {"other", "Other"},
  };
  return words;
}

const std::vector<IntakeWord>& IntakeUrgencies() {
  static const std::vector<IntakeWord> words{
      {"normal", "Normal"},
      {"urgent", "Urgent"},
      {"emergency", "Emergency"},
  };
  return words;
}

const std::vector<IntakeWord>& IntakeStates() {
  static const std::vector<IntakeWord> words{
      {"received", "Received"},
      {"handling", "Being handled"},
      {"closed", "Closed"},
  };
  return words;
}

const std::vector<IntakeWord>& IntakeOutcomes() {
  static const std::vector<IntakeWord> words{
      {"helped", "Helped"},
      {"referred", "Referred to departments"},
      {"case_opened", "Case opened"},
      {"no_action", "No action needed"},
      {"false_report", "False report"},
      {"merged", "Merged into another report"},
  };
  return words;
}

std::vector<IntakeWord> ClosingOutcomes() {
  std::vector<IntakeWord> closing;
  for (const auto& word : IntakeOutcomes()) {
    if (word.code != "merged") closing.push_back(word);
  }
  return closing;
}

std::string_view IntakeEnglish(const std::vector<IntakeWord>& table, std::string_view code) {
  for (const auto& word : table) {
    if (word.code == code) return word.english;
  }
  return code;
}

bool OutcomeNeedsNote(std::string_view outcome) { return outcome == "no_action" || outcome == "false_report"; }

}  // namespace doudi::model
