#pragma once
// A household's essential spending over the 12 months up to a day, from the
// cross-check rows in force (docs/crosscheck-format.md): its current
// members' medical spending after insurance (self-paid) and school costs, as
// the screening rule expense_hardship counts them. The matching rules read
// it (docs/matching.md). The database answers through a definer function
// (doudi.household_spending), since desk roles never read the full ID
// numbers the rows are matched by; a kind the caller may not read (outside
// their scope, or a group that reads no such rows: village clerks) or of
// which no row was sent is unknown, not zero.
#include <chrono>
#include <cstdint>
#include <optional>

#include "doudi/model/money.h"

namespace doudi::dal {

struct EssentialSpending {
  std::optional<model::Money> medicalSelfPaid;
  std::optional<model::Money> schoolingPaid;
};

class SpendingRecords {
 public:
  virtual ~SpendingRecords() = default;
  // Rows dated after `today` less 12 months, up to and including today.
  virtual EssentialSpending Last12Months(std::int64_t householdId, std::chrono::year_month_day today) = 0;
};

}  // namespace doudi::dal
