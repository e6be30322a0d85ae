#pragma once
// A migrated, empty database with the demo regions, opened through the
// data layer; and households made up for tests.
#include <chrono>
#include <memory>
#include <string>

#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/household.h"
#include "doudi/model/resident_id.h"
#include "test_database.h"

namespace doudi::test {

inline constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{11},
                                                    std::chrono::day{28}};

// A valid ID for the given county, birth date and sequence (odd: male).
inline std::string MakeId(const std::string& county, const std::string& yyyymmdd, int sequence) {
  std::string first17 = county + yyyymmdd + (sequence < 100 ? (sequence < 10 ? "00" : "0") : "") + std::to_string(sequence);
  return first17 + model::ResidentIdCheckCharacter(first17);
}

struct MigratedDatabase {
  TestDatabase server;
  std::unique_ptr<dal::pg::PgDatabase> db;

  explicit MigratedDatabase(bool withRegions = true) {
    db = std::make_unique<dal::pg::PgDatabase>(server.ConnectionString());
    db->Migrator().Migrate();
    if (withRegions) db->UpsertRegions(admin::DemoRegions());
  }
};

// A two-person household in 悬渚村 (Sanmen) with income and an asset.
inline model::Household SampleHousehold(int sequenceBase = 100) {
  model::Household h;
  h.regionCode = "331022001201";
  h.address = "海游街道悬渚村3组8号";
  h.phone = "13800000000";
  h.housing = model::HousingCondition::Dilapidated;
  h.bankName = "农业银行";
  h.bankAccount = "6228480000000000123";
  h.status = model::RegistryStatus::Dibao;
  model::Person head;
  head.idNumber = MakeId("331022", "19700101", sequenceBase + 1);
  head.name = "王建国";
  head.relation = model::Relation::Head;
  head.employment = model::Employment::Farming;
  model::Person wife;
  wife.idNumber = MakeId("331022", "19720304", sequenceBase + 2);
  wife.name = "李秀英";
  wife.relation = model::Relation::Spouse;
  wife.disability = model::DisabilityCategory::Physical;
  wife.disabilityGrade = 2;
  wife.illnesses = {"高血压", "糖尿病"};
  wife.workAbility = model::WorkAbility::None;
  h.members = {head, wife};
  model::IncomeItem wage;
  wage.kind = model::IncomeKind::Wage;
  wage.monthly = model::Money::FromFen(150000);
  wage.memberIdNumber = head.idNumber;
  h.incomes = {wage};
  model::Asset tractor;
  tractor.kind = model::AssetKind::Vehicle;
  tractor.description = "拖拉机";
  tractor.value = model::Money::FromFen(800000);
  h.assets = {tractor};
  return h;
}

}  // namespace doudi::test
