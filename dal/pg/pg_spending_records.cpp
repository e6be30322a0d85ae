#include "doudi/dal/household_spending.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

class PgSpendingRecords final : public SpendingRecords {
 public:
  explicit PgSpendingRecords(soci::session& sql) : m_sql(sql) {}

  EssentialSpending Last12Months(std::int64_t householdId, std::chrono::year_month_day today) override {
    try {
      long long medical = 0, schooling = 0;
      soci::indicator medicalInd{}, schoolingInd{};
      const long long id = householdId;
      const std::string day = IsoDate(today);
      m_sql << "SELECT medical_self_paid_fen, schooling_fen FROM doudi.household_spending(:h, CAST(:d AS date))",
          soci::use(id), soci::use(day), soci::into(medical, medicalInd), soci::into(schooling, schoolingInd);
      EssentialSpending out;
      if (m_sql.got_data() && medicalInd == soci::i_ok) out.medicalSelfPaid = model::Money::FromFen(medical);
      if (m_sql.got_data() && schoolingInd == soci::i_ok) out.schoolingPaid = model::Money::FromFen(schooling);
      return out;
    } catch (...) {
      RethrowAsDatabaseError("reading household " + std::to_string(householdId) + "'s spending");
    }
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<SpendingRecords> MakeSpendingRecords(soci::session& sql) {
  return std::make_unique<PgSpendingRecords>(sql);
}

}  // namespace doudi::dal::pg
