#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "db_fixture.h"

using namespace doudi;

namespace {

// The demo registry: about a hundred households in three counties.
struct DemoRegistry : test::MigratedDatabase {
  DemoRegistry() {
    dal::ImportOptions options;
    options.source = "demo";
    options.today = test::kToday;
    const auto outcome = db->Importer().Import(admin::DemoHouseholdRows(), options);
    BOOST_REQUIRE(outcome.problems.empty());
  }

  std::vector<dal::PersonSummary> Find(const std::string& text, const std::string& region = {},
                                       std::optional<model::RegistryStatus> status = {}) {
    return db->Search().Search({text, region, status}, 0, 1000);
  }
  std::int64_t Expected(const std::string& where) {
    return server.Count(
        "SELECT count(*) FROM doudi.person p JOIN doudi.household h ON h.id = p.household_id "
        "WHERE p.left_on IS NULL AND " + where);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(registry_search)

BOOST_AUTO_TEST_CASE(classifies_the_search_box) {
  BOOST_TEST((dal::ClassifyQueryText("") == dal::RegistryTextKind::None));
  BOOST_TEST((dal::ClassifyQueryText("11010519491231002x") == dal::RegistryTextKind::FullId));
  BOOST_TEST((dal::ClassifyQueryText("331022") == dal::RegistryTextKind::IdPrefix));
  BOOST_TEST((dal::ClassifyQueryText("王") == dal::RegistryTextKind::Name));
  BOOST_TEST((dal::ClassifyQueryText("33102X") == dal::RegistryTextKind::Name));
}

BOOST_AUTO_TEST_CASE(each_kind_of_search_finds_exactly_the_matches) {
  DemoRegistry r;
  const auto someone = r.server.Rows("SELECT id_number, name FROM doudi.person ORDER BY id LIMIT 1").front();
  const auto id = someone.substr(0, 18);
  const auto name = someone.substr(19);

  const auto byId = r.Find(id);
  BOOST_REQUIRE(byId.size() == 1);
  BOOST_TEST(byId[0].name == name);
  BOOST_TEST(byId[0].maskedIdNumber == id.substr(0, 6) + "********" + id.substr(14));
  BOOST_TEST(byId[0].regionName.empty() == false);

  BOOST_TEST(r.Find(id.substr(0, 10)).size() ==
             static_cast<std::size_t>(r.Expected("p.id_number LIKE '" + id.substr(0, 10) + "%'")));
  BOOST_TEST(r.Find(name).size() >= 1u);
  BOOST_TEST(r.Find(name).front().name == name);  // exact and prefix matches sort first
  const std::string surname = name.substr(0, 3);
  BOOST_TEST(r.Find(surname).size() == static_cast<std::size_t>(r.Expected("p.name LIKE '" + surname + "%'")));
  BOOST_TEST(r.Find(surname).size() > 0u);
  const std::string fragment = name.substr(3, 6);
  if (fragment.size() == 6) {
    BOOST_TEST(r.Find(fragment).size() == static_cast<std::size_t>(r.Expected("p.name LIKE '%" + fragment + "%'")));
  }
  BOOST_TEST(r.Find("", "331022").size() == static_cast<std::size_t>(r.Expected("p.region_code LIKE '331022%'")));
  BOOST_TEST(r.Find("", "350582111").size() == static_cast<std::size_t>(r.Expected("p.region_code LIKE '350582111%'")));
  BOOST_TEST(r.Find("", "", model::RegistryStatus::Destitute).size() ==
             static_cast<std::size_t>(r.Expected("h.registry_status = 'destitute'")));
  BOOST_TEST(r.Find(surname, "500231", model::RegistryStatus::Dibao).size() ==
             static_cast<std::size_t>(r.Expected("p.name LIKE '" + surname +
                                                 "%' AND p.region_code LIKE '500231%' AND h.registry_status = 'dibao'")));
}

BOOST_AUTO_TEST_CASE(pages_are_disjoint_and_ordered) {
  DemoRegistry r;
  const auto all = r.db->Search().Search({}, 0, 1000);
  BOOST_TEST(all.size() == static_cast<std::size_t>(r.Expected("true")));
  const auto page1 = r.db->Search().Search({}, 0, 50);
  const auto page2 = r.db->Search().Search({}, 50, 50);
  BOOST_REQUIRE(page1.size() == 50u);
  BOOST_TEST(page2.front().personId == all[50].personId);
  BOOST_TEST(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; }));
}

BOOST_AUTO_TEST_CASE(counts_exact_and_estimated) {
  DemoRegistry r;
  r.server.Execute("ANALYZE");
  const dal::RegistryQuery everyone{};
  BOOST_TEST(r.db->Search().CountExact(everyone) == r.Expected("true"));
  const auto estimate = r.db->Search().EstimateCount(everyone);
  BOOST_TEST(estimate > r.Expected("true") / 2);
  BOOST_TEST(estimate < r.Expected("true") * 2);
  const dal::RegistryQuery sanmen{"", "331022", std::nullopt};
  BOOST_TEST(r.db->Search().CountExact(sanmen) == r.Expected("p.region_code LIKE '331022%'"));
}

BOOST_AUTO_TEST_CASE(search_text_is_data_not_sql) {
  DemoRegistry r;
  for (const std::string& text : std::vector<std::string>{"%", "_", "'", "\\", "王%", "%'; DROP TABLE doudi.person; --", "a' OR '1'='1",
                                 "SELECT", "张_"}) {
    BOOST_TEST(r.Find(text).empty(), text);
    BOOST_TEST(r.db->Search().CountExact({text, "", std::nullopt}) == 0, text);
  }
  BOOST_TEST(r.server.Count("SELECT count(*) FROM doudi.person") > 0);
  BOOST_CHECK_THROW(r.Find("", "3310'--"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
