// The database enforces the registry's rules itself, whatever a client sends.
#include <boost/test/unit_test.hpp>

#include "db_fixture.h"
#include "doudi/dal/errors.h"

using namespace doudi;

namespace {

// The SQL check must agree with the model's for valid and invalid IDs alike.
bool SqlAcceptsId(const test::TestDatabase& s, const std::string& id) {
  return s.Scalar("SELECT doudi.resident_id_valid('" + id + "')") == "t";
}

void ExpectRefused(const test::TestDatabase& s, const std::string& sql) {
  BOOST_CHECK_THROW(s.Execute(sql), std::runtime_error);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_constraints)

BOOST_AUTO_TEST_CASE(resident_id_function_agrees_with_the_model) {
  test::MigratedDatabase m(false);
  for (const std::string& id : std::vector<std::string>{"11010519491231002X", "440524188001010014", test::MakeId("331022", "20000229", 3)}) {
    BOOST_TEST(SqlAcceptsId(m.server, id), id);
  }
  for (const std::string& id : std::vector<std::string>{"110105194912310021", "11010519491231002x", "11010519490230002X", "1101051949123100",
                               "11010519491331002X", "A1010519491231002X", test::MakeId("331022", "19000229", 3)}) {
    BOOST_TEST(!SqlAcceptsId(m.server, id), id);
  }
  BOOST_TEST(m.server.Scalar("SELECT doudi.mask_resident_id('11010519491231002X')") == "110105********002X");
}

BOOST_AUTO_TEST_CASE(bad_rows_are_refused) {
  test::MigratedDatabase m;
  const auto id = m.db->Registry().CreateHousehold(test::SampleHousehold());
  const std::string hid = std::to_string(id);
  // Bad check character.
  ExpectRefused(m.server, "INSERT INTO doudi.person (household_id, region_code, id_number, name, relation) VALUES (" +
                              hid + ", '331022001201', '110105194912310021', '张三', 'child')");
  // Negative money.
  ExpectRefused(m.server, "INSERT INTO doudi.income_item (household_id, region_code, kind, monthly_fen) VALUES (" +
                              hid + ", '331022001201', 'wage', -1)");
  ExpectRefused(m.server, "INSERT INTO doudi.asset (household_id, region_code, kind, value_fen) VALUES (" + hid +
                              ", '331022001201', 'deposit', -100)");
  // Malformed and non-village region codes.
  ExpectRefused(m.server, "INSERT INTO doudi.region (code, name, parent_code) VALUES ('331022000101', 'x', '331022000000')");
  ExpectRefused(m.server, "INSERT INTO doudi.household (region_code, address) VALUES ('331022001000', 'x')");
  // A member's region must be the household's.
  ExpectRefused(m.server, "INSERT INTO doudi.person (household_id, region_code, id_number, name, relation) VALUES (" +
                              hid + ", '350582111201', '" + test::MakeId("331022", "19900101", 5) + "', '张三', 'child')");
  // One current household per person.
  const auto head = m.server.Scalar("SELECT id_number FROM doudi.person WHERE household_id = " + hid + " LIMIT 1");
  const auto other = m.db->Registry().CreateHousehold([] {
    auto h = test::SampleHousehold(200);
    h.regionCode = "350582111201";
    return h;
  }());
  ExpectRefused(m.server, "INSERT INTO doudi.person (household_id, region_code, id_number, name, relation) VALUES (" +
                              std::to_string(other) + ", '350582111201', '" + head + "', '王建国', 'other')");
}

BOOST_AUTO_TEST_CASE(region_change_cascades_to_owned_rows) {
  test::MigratedDatabase m;
  const auto id = std::to_string(m.db->Registry().CreateHousehold(test::SampleHousehold()));
  m.server.Execute("UPDATE doudi.household SET region_code = '331022001206' WHERE id = " + id);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.person WHERE region_code <> '331022001206' AND household_id = " + id) == 0);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.income_item WHERE region_code <> '331022001206' AND household_id = " + id) == 0);
}

BOOST_AUTO_TEST_CASE(version_is_bumped_by_the_database) {
  test::MigratedDatabase m;
  const auto id = std::to_string(m.db->Registry().CreateHousehold(test::SampleHousehold()));
  // Even a client that tries to set the version cannot choose it.
  m.server.Execute("UPDATE doudi.household SET version = 1, address = 'x' WHERE id = " + id);
  BOOST_TEST(m.server.Scalar("SELECT version FROM doudi.household WHERE id = " + id) == "2");
}

BOOST_AUTO_TEST_SUITE_END()
