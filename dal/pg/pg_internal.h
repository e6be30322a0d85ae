#pragma once
// Private to doudi_dal_pg: the pieces PgDatabase is assembled from.
#include <soci/soci.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/iso_date.h"

namespace doudi::dal::pg {

using model::IsoDate;

std::unique_ptr<SchemaMigrator> MakeMigrator(soci::session& sql);
std::unique_ptr<RegistryRepository> MakeRegistryRepository(soci::session& sql);
std::unique_ptr<RegistrySearch> MakeRegistrySearch(soci::session& sql);
std::unique_ptr<HouseholdImporter> MakeHouseholdImporter(soci::session& sql);
std::unique_ptr<UserDirectory> MakeUserDirectory(soci::session& sql);
std::unique_ptr<AuditTrail> MakeAuditTrail(soci::session& sql);
std::unique_ptr<ProgramParameters> MakeProgramParameters(soci::session& sql);
std::unique_ptr<CaseRepository> MakeCaseRepository(soci::session& sql);
std::unique_ptr<HolidayCalendarStore> MakeHolidayCalendarStore(soci::session& sql);

// A PostgreSQL array literal of the texts ({"a","b\"c"}), so an array
// travels as one bound value: CAST(:x AS text[]).
std::string TextArrayLiteral(const std::vector<std::string>& items);


// Seals the audit trail after a committed write, best effort (see the
// definition for why a failure is not the writer's error).
void SealAfterCommit(soci::session& sql);

int ReferImportedHouseholds(soci::session& sql, const std::string& source, const std::vector<std::string>& refs,
                            const std::string& department);
int UpsertRegionRows(soci::session& sql, const std::vector<RegionEntry>& regions);
void ExportHouseholdRows(soci::session& sql, const std::string& regionPrefix,
                         const std::function<void(const model::ImportRow&)>& sink);

// Runs a script of several statements (a migration) through libpq, which,
// unlike a bound statement, accepts more than one statement at a time.
void ExecuteScript(soci::session& sql, const std::string& script, const std::string& context);

}  // namespace doudi::dal::pg
