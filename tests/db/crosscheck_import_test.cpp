// Cross-check batches through the data layer: rows read by the model's
// reader, staged, stored by doudi.crosscheck_import_apply; listed and
// withdrawn. The files themselves are the admin tests'.
#include <boost/test/unit_test.hpp>

#include <map>

#include "db_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/model/crosscheck.h"
#include "doudi/model/sha256.h"

using namespace doudi;
using model::CrosscheckKind;

namespace {

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2026}, std::chrono::November, std::chrono::day{15}};

// Two persons of a Sanmen household, and one of a Jinjiang one.
const std::string kSanmenHead = test::MakeId("331022", "19600101", 11);
const std::string kSanmenSpouse = test::MakeId("331022", "19620101", 12);
const std::string kJinjiang = test::MakeId("350582", "19700101", 21);
// Nobody's: in no household.
const std::string kUnknown = test::MakeId("331022", "19680317", 43);

model::ImportRow Member(std::int64_t line, const std::string& ref, const std::string& region, const std::string& name,
                        const std::string& id, const std::string& relation) {
  model::ImportRow row;
  row.line = line;
  row[model::ImportColumn::HouseholdRef] = ref;
  row[model::ImportColumn::Name] = name;
  row[model::ImportColumn::IdNumber] = id;
  row[model::ImportColumn::Relation] = relation;
  if (relation == "户主") {
    row[model::ImportColumn::RegionCode] = region;
    row[model::ImportColumn::Address] = "村里1号";
  }
  return row;
}

struct Registry : test::MigratedDatabase {
  Registry() {
    dal::ImportOptions options;
    options.today = test::kToday;
    const auto outcome = db->Importer().Import(
        {Member(2, "S", "331022001201", "张三", kSanmenHead, "户主"),
         Member(3, "S", "", "李四", kSanmenSpouse, "配偶"),
         Member(4, "J", "350582111201", "陈六", kJinjiang, "户主")},
        options);
    BOOST_TEST_REQUIRE(outcome.problems.empty());
  }
};

// A medical settlement row as a file would give it.
struct Settlement {
  std::string id;
  std::string idNumber;
  std::string name;
  std::string region;
  std::string total;
  std::string reimbursed;
  std::string selfPaid;
};

// The rows a file of settlements makes, as the model reads them.
std::vector<model::CrosscheckRow> Rows(const std::vector<Settlement>& settlements) {
  const auto& spec = model::SpecOf(CrosscheckKind::Medical);
  std::vector<model::FileRow> rows;
  std::int64_t line = 2;
  for (const auto& s : settlements) {
    const std::map<std::string, std::string> cells{
        {"settlement_id", s.id}, {"id_number", s.idNumber}, {"name", s.name}, {"region_code", s.region},
        {"visit_date", "2026-03-02"}, {"institution", "三门县人民医院"}, {"total", s.total},
        {"reimbursed", s.reimbursed}, {"self_paid", s.selfPaid}};
    model::FileRow row;
    row.line = line++;
    for (const auto& c : spec.columns) row.values.push_back(cells.at(std::string(c.code)));
    rows.push_back(std::move(row));
  }
  const auto reading = model::ReadCrosscheckRows(CrosscheckKind::Medical, rows, kAsOf, test::kToday);
  BOOST_REQUIRE(reading.problems.empty());
  return reading.rows;
}

// Options for a file of the given rows: its digest stands for its bytes.
dal::CrosscheckImportOptions Options(const std::vector<model::CrosscheckRow>& rows, bool dryRun = false) {
  dal::CrosscheckImportOptions options;
  options.kind = CrosscheckKind::Medical;
  options.sourceDepartment = "三门县医疗保障局";
  options.asOf = kAsOf;
  options.authorizationRef = "三医保〔2026〕12号";
  std::string content;
  for (const auto& r : rows) content += r.rowKey + r.detailJson + std::to_string(r.amountFen.value_or(-1)) + "\n";
  options.fileSha256 = model::Sha256Hex(content);
  options.rowsRead = static_cast<std::int64_t>(rows.size());
  options.dryRun = dryRun;
  return options;
}

dal::CrosscheckOutcome Import(dal::pg::PgDatabase& db, const std::vector<model::CrosscheckRow>& rows,
                              bool dryRun = false) {
  return db.Crosscheck().Import(rows, Options(rows, dryRun));
}

const std::vector<Settlement> kFirstFile{
    {"YB-1", kSanmenHead, "张三", "", "12000.00", "8400.00", "3600.00"},
    {"YB-2", kUnknown, "陈阿富", "331022101201", "98000.00", "62000.00", "36000.00"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(crosscheck_import)

BOOST_FIXTURE_TEST_CASE(a_file_is_stored_once_and_the_same_file_again_changes_nothing, Registry) {
  const auto rows = Rows(kFirstFile);
  const auto first = Import(*db, rows);
  for (const auto& p : first.problems) BOOST_TEST_MESSAGE(p.line << " " << p.code << " " << p.message);
  BOOST_TEST(first.problems.empty());
  BOOST_TEST((first.result == dal::CrosscheckBatchResult::New));
  BOOST_REQUIRE(first.batchId.has_value());
  BOOST_TEST(first.stored == 2);
  BOOST_TEST(first.replaced == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_row") == 2);
  // The registered person keeps the registry's region; the other the file's,
  // and becomes a person known from cross-check data.
  BOOST_TEST(server.Scalar("SELECT region_code FROM doudi.crosscheck_row WHERE row_key = 'YB-1'") == "331022001201");
  BOOST_TEST(server.Scalar("SELECT region_code FROM doudi.crosscheck_person WHERE id_number = '" + kUnknown + "'") ==
             "331022101201");
  BOOST_TEST(server.Scalar("SELECT amount_fen || '/' || covered_fen || '/' || self_paid_fen || ' ' || detail::text "
                           "FROM doudi.crosscheck_row WHERE row_key = 'YB-2'") ==
             "9800000/6200000/3600000 {\"institution\": \"三门县人民医院\"}");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_stage") == 0);

  const auto again = Import(*db, rows);
  BOOST_TEST((again.result == dal::CrosscheckBatchResult::AlreadyImported));
  BOOST_TEST((again.batchId == first.batchId));
  BOOST_TEST(again.stored == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_row") == 2);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_batch") == 1);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_stage") == 0);

  const auto batches = db->Crosscheck().Batches(std::nullopt);
  BOOST_REQUIRE(batches.size() == 1u);
  BOOST_TEST(batches[0].id == *first.batchId);
  BOOST_TEST(batches[0].kind == "medical");
  BOOST_TEST(batches[0].sourceDepartment == "三门县医疗保障局");
  BOOST_TEST(batches[0].asOf == "2026-11-15");
  BOOST_TEST(batches[0].authorizationRef == "三医保〔2026〕12号");
  BOOST_TEST(batches[0].rowsRead == 2);
  BOOST_TEST(batches[0].rowsStored == 2);
  BOOST_TEST(!batches[0].withdrawnAt.has_value());
  BOOST_TEST(db->Crosscheck().Batches(CrosscheckKind::Vehicle).empty());
  BOOST_TEST(db->Crosscheck().Batches(CrosscheckKind::Medical).size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_resent_settlement_replaces_the_earlier_row_and_is_never_counted_twice, Registry) {
  BOOST_TEST_REQUIRE(Import(*db, Rows(kFirstFile)).stored == 2);
  // The department corrects YB-1 and sends YB-3 with it.
  const auto corrected = Rows({{"YB-1", kSanmenHead, "张三", "", "12500.00", "8400.00", "4100.00"},
                               {"YB-3", kSanmenSpouse, "李四", "", "300.00", "200.00", "100.00"}});
  const auto second = Import(*db, corrected);
  BOOST_TEST(second.stored == 2);
  BOOST_TEST(second.replaced == 1);
  BOOST_TEST(second.unchanged == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_row") == 4);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_replaced") == 1);
  const std::string currentTotal =
      "SELECT sum(amount_fen) FROM doudi.crosscheck_current WHERE id_number = '" + kSanmenHead + "'";
  BOOST_TEST(server.Scalar(currentTotal) == "1250000");
  // YB-1 once more as corrected, with a new YB-4: YB-1 is unchanged.
  auto third = Rows({{"YB-1", kSanmenHead, "张三", "", "12500.00", "8400.00", "4100.00"},
                     {"YB-4", kSanmenHead, "张三", "", "50.00", "0.00", "50.00"}});
  const auto outcome = Import(*db, third);
  BOOST_TEST(outcome.stored == 1);
  BOOST_TEST(outcome.unchanged == 1);
  BOOST_TEST(server.Scalar(currentTotal) == "1255000");

  // Withdrawing the correction brings the first YB-1 back in force.
  db->Crosscheck().Withdraw(*second.batchId, "误导入：更正件应由医保局重新出具");
  BOOST_TEST(server.Scalar(currentTotal) == "1205000");
}

BOOST_FIXTURE_TEST_CASE(a_dry_run_reports_what_it_would_do_and_stores_nothing, Registry) {
  const auto outcome = Import(*db, Rows(kFirstFile), true);
  BOOST_TEST((outcome.result == dal::CrosscheckBatchResult::DryRun));
  BOOST_TEST(!outcome.batchId.has_value());
  BOOST_TEST(outcome.stored == 2);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_batch") == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_row") == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_person") == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_stage") == 0);
  // The real import afterwards is new.
  BOOST_TEST((Import(*db, Rows(kFirstFile)).result == dal::CrosscheckBatchResult::New));
}

BOOST_FIXTURE_TEST_CASE(a_withdrawn_batch_stops_counting_is_listed_as_such_and_its_file_may_come_again, Registry) {
  const auto rows = Rows(kFirstFile);
  const auto first = Import(*db, rows);
  BOOST_REQUIRE(first.batchId.has_value());
  db->Crosscheck().Withdraw(*first.batchId, "来源部门发错文件");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_current") == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_row") == 2);  // append-only: kept
  const auto batches = db->Crosscheck().Batches(std::nullopt);
  BOOST_REQUIRE(batches.size() == 1u);
  BOOST_TEST(batches[0].withdrawnAt.has_value());
  BOOST_TEST(batches[0].withdrawReason == "来源部门发错文件");
  BOOST_TEST(!batches[0].withdrawnBy.empty());
  // The audit trail has the batch's withdrawal.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.audit_row WHERE table_name = 'crosscheck_batch' "
                          "AND operation = 'UPDATE'") >= 1);

  auto refusal = [&](std::int64_t batch) {
    try {
      db->Crosscheck().Withdraw(batch, "再撤一次");
    } catch (const dal::DatabaseError& e) {
      return e.Code();
    }
    return std::string("(accepted)");
  };
  BOOST_TEST(refusal(*first.batchId) == "crosscheck.already_withdrawn");
  BOOST_TEST(refusal(*first.batchId + 100) == "crosscheck.batch_not_found");

  const auto again = Import(*db, rows);
  BOOST_TEST((again.result == dal::CrosscheckBatchResult::New));
  BOOST_TEST((again.batchId != first.batchId));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_current") == 2);
}

// A center administrator of Sanmen: a row without a region for a person
// registered in Jinjiang reads exactly as one for a person registered
// nowhere, so an import cannot be used to ask who is registered elsewhere.
BOOST_FIXTURE_TEST_CASE(outside_the_scope_registered_or_not_reads_the_same, Registry) {
  dal::pg::PgDatabase admin(server.ConnectionStringFor(server.CreateUser("admin", "center_admin", "331022")));
  const auto rows = Rows({{"YB-1", kSanmenHead, "张三", "", "100.00", "100.00", "0.00"},
                          {"YB-2", kJinjiang, "陈六", "", "100.00", "100.00", "0.00"},
                          {"YB-3", kUnknown, "陈阿富", "", "100.00", "100.00", "0.00"},
                          {"YB-4", kJinjiang, "陈六", "350582111201", "100.00", "100.00", "0.00"}});
  const auto outcome = admin.Crosscheck().Import(rows, Options(rows));
  BOOST_REQUIRE(outcome.problems.size() == 3u);
  const auto& registered = outcome.problems[0];
  const auto& nowhere = outcome.problems[1];
  BOOST_TEST(registered.line == 3);
  BOOST_TEST(nowhere.line == 4);
  BOOST_TEST(registered.code == "region_code.required");
  BOOST_TEST(nowhere.code == registered.code);
  BOOST_TEST(nowhere.column == registered.column);
  BOOST_TEST(nowhere.message == registered.message);
  BOOST_TEST(nowhere.args == registered.args, boost::test_tools::per_element());
  BOOST_TEST(outcome.problems[2].line == 5);
  BOOST_TEST(outcome.problems[2].code == "region_code.outside_scope");
  BOOST_TEST(outcome.stored == 1);
  BOOST_TEST(outcome.rejected == 3);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_person") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
