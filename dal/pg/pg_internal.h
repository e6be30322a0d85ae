#pragma once
// Private to doudi_dal_pg: the pieces PgDatabase is assembled from.
#include <soci/soci.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/money.h"
#include "pg_errors.h"

namespace doudi::dal::pg {

using model::IsoDate;

std::unique_ptr<SchemaMigrator> MakeMigrator(soci::session& sql);
std::unique_ptr<RegistryRepository> MakeRegistryRepository(soci::session& sql);
std::unique_ptr<RegistrySearch> MakeRegistrySearch(soci::session& sql);
std::unique_ptr<HouseholdImporter> MakeHouseholdImporter(soci::session& sql);
std::unique_ptr<CrosscheckImporter> MakeCrosscheckImporter(soci::session& sql);
std::unique_ptr<UserDirectory> MakeUserDirectory(soci::session& sql);
std::unique_ptr<AuditTrail> MakeAuditTrail(soci::session& sql);
std::unique_ptr<ProgramParameters> MakeProgramParameters(soci::session& sql);
std::unique_ptr<CaseRepository> MakeCaseRepository(soci::session& sql);
std::unique_ptr<HolidayCalendarStore> MakeHolidayCalendarStore(soci::session& sql);
std::unique_ptr<AlertRepository> MakeAlertRepository(soci::session& sql);
std::unique_ptr<ScreeningSchedule> MakeScreeningSchedule(soci::session& sql);
std::unique_ptr<SpendingRecords> MakeSpendingRecords(soci::session& sql);
std::unique_ptr<ReferralRepository> MakeReferralRepository(soci::session& sql);
std::unique_ptr<PairingRepository> MakePairingRepository(soci::session& sql);
std::unique_ptr<HelpRepository> MakeHelpRepository(soci::session& sql);
std::unique_ptr<IntakeRepository> MakeIntakeRepository(soci::session& sql);
std::unique_ptr<AttachmentRepository> MakeAttachmentRepository(soci::session& sql);
std::unique_ptr<ServerHealth> MakeServerHealth(soci::session& sql);

// Stores a file through doudi.attachment_add in the caller's transaction
// (the case's evidence with its file is one); returns its id.
std::int64_t AddAttachment(soci::session& sql, const AttachmentOwnerRef& owner, const NewAttachment& file,
                           const std::string& requestId);

// The SCRAM-SHA-256 verifier libpq computes on this side, so a plain
// password never reaches the server (or its statement log).
std::string ScramVerifier(soci::session& sql, const std::string& roleName, const std::string& password);

// The rows a query yields (m_sql.prepare << "SELECT ...", soci::use(...)),
// each made into an element by read(const soci::row&), in order; none is an
// empty vector. Any failure, running the query included, is rethrown by
// RethrowAsDatabaseError as having happened while `reading`.
template <typename Read>
auto ReadRows(const std::string& reading, const soci::details::prepare_temp_type& query, Read read)
    -> std::vector<std::invoke_result_t<Read&, const soci::row&>> {
  try {
    std::vector<std::invoke_result_t<Read&, const soci::row&>> out;
    soci::rowset<soci::row> rows = query;
    for (const auto& r : rows) out.push_back(read(r));
    return out;
  } catch (...) {
    RethrowAsDatabaseError(reading);
  }
}

// A row's bigint column that may be NULL.
inline std::optional<std::int64_t> OptionalId(const soci::row& r, std::size_t column) {
  if (r.get_indicator(column) == soci::i_null) return std::nullopt;
  return r.get<long long>(column);
}

// A row's amount column in fen (NOT NULL).
inline model::Money Fen(const soci::row& r, std::size_t column) {
  return model::Money::FromFen(r.get<long long>(column));
}

// SQL for a timestamp column as "YYYY-MM-DD HH:MM" ("" for NULL).
inline std::string TimeText(const std::string& column) {
  return "coalesce(to_char(" + column + ", 'YYYY-MM-DD HH24:MI'), '')";
}

// A PostgreSQL array literal of the texts ({"a","b\"c"}), so an array
// travels as one bound value: CAST(:x AS text[]).
std::string TextArrayLiteral(const std::vector<std::string>& items);


// Seals the audit trail after a committed write, best effort (see the
// definition for why a failure is not the writer's error).
void SealAfterCommit(soci::session& sql);

// Runs one write in its own transaction and seals the audit after it; any
// failure is rethrown by RethrowAsDatabaseError as having happened while
// `context`.
template <typename Work>
auto WriteAndSeal(soci::session& sql, const std::string& context, Work work) -> decltype(work()) {
  try {
    soci::transaction tr(sql);
    auto result = work();
    tr.commit();
    SealAfterCommit(sql);
    return result;
  } catch (...) {
    RethrowAsDatabaseError(context);
  }
}

int ReferImportedHouseholds(soci::session& sql, const std::string& source, const std::vector<std::string>& refs,
                            const std::string& department, const std::string& kind, const std::string& request);
int UpsertRegionRows(soci::session& sql, const std::vector<RegionEntry>& regions);
void ExportHouseholdRows(soci::session& sql, const std::string& regionPrefix,
                         const std::function<void(const model::ImportRow&)>& sink);

// Runs a script of several statements (a migration) through libpq, which,
// unlike a bound statement, accepts more than one statement at a time.
void ExecuteScript(soci::session& sql, const std::string& script, const std::string& context);

}  // namespace doudi::dal::pg
