// The order and the choice of dal/schema's files (no database needed).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <stdexcept>

#include "doudi/dal/schema.h"

using namespace doudi;

namespace {

std::vector<std::string> Paths(const std::vector<dal::SchemaFile>& files) {
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(f.path);
  return paths;
}

std::size_t Position(const std::vector<std::string>& paths, const std::string& path) {
  return static_cast<std::size_t>(std::find(paths.begin(), paths.end(), path) - paths.begin());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schema_files)

BOOST_AUTO_TEST_CASE(an_object_comes_before_what_names_it_and_kinds_keep_their_order) {
  const auto ordered = dal::OrderSchemaFiles({
      {"policies/person.sql", "CREATE POLICY p ON doudi.person USING (doudi.scope_low() <= region_code);", {}},
      {"views/b.sql", "CREATE OR REPLACE VIEW doudi.b AS SELECT * FROM doudi.a;", {}},
      {"views/a.sql", "CREATE OR REPLACE VIEW doudi.a AS SELECT doudi.f(1);", {}},
      // Returns rows of a view: the view must exist first.
      {"functions/f.sql", "CREATE OR REPLACE FUNCTION doudi.f(int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;", {}},
      {"functions/g.sql",
       "CREATE OR REPLACE FUNCTION doudi.g() RETURNS SETOF doudi.b LANGUAGE sql AS $$ SELECT * FROM doudi.b $$;", {}},
      {"functions/scope_low.sql",
       "CREATE OR REPLACE FUNCTION doudi.scope_low() RETURNS text LANGUAGE sql AS $$ SELECT doudi.g()::text $$;", {}},
      {"grants.sql", "GRANT SELECT ON doudi.person TO doudi_user;", {}},
  });
  const auto paths = Paths(ordered);
  BOOST_TEST(Position(paths, "functions/f.sql") < Position(paths, "views/a.sql"));
  BOOST_TEST(Position(paths, "views/a.sql") < Position(paths, "views/b.sql"));
  BOOST_TEST(Position(paths, "views/b.sql") < Position(paths, "functions/g.sql"));
  BOOST_TEST(Position(paths, "functions/scope_low.sql") < Position(paths, "policies/person.sql"));
  BOOST_TEST(paths.back() == "grants.sql");
  // A body naming another function is no dependency (bodies are checked
  // when they run): scope_low's body calls g, yet needs nothing first.
  const auto scopeLow = std::find_if(ordered.begin(), ordered.end(), [](const auto& f) { return f.path == "functions/scope_low.sql"; });
  BOOST_TEST(scopeLow->dependsOn.empty());
  // Names are whole identifiers: doudi.a does not match doudi.ab.
  BOOST_TEST(dal::SchemaDependencies({"views/x.sql", "SELECT * FROM doudi.ab", {}}, ordered).empty());
}

BOOST_AUTO_TEST_CASE(a_cycle_is_a_build_error_naming_the_files) {
  try {
    dal::OrderSchemaFiles({{"views/a.sql", "CREATE VIEW doudi.a AS SELECT * FROM doudi.b;", {}},
                           {"views/b.sql", "CREATE VIEW doudi.b AS SELECT * FROM doudi.a;", {}},
                           {"views/c.sql", "CREATE VIEW doudi.c AS SELECT 1;", {}}});
    BOOST_FAIL("a cycle must be refused");
  } catch (const std::logic_error& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("views/a.sql") != std::string::npos);
    BOOST_TEST(what.find("views/b.sql") != std::string::npos);
    BOOST_TEST(what.find("views/c.sql") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_changed_file_brings_what_depends_on_it_transitively_and_nothing_else) {
  const auto ordered = dal::OrderSchemaFiles({
      {"functions/f.sql", "CREATE OR REPLACE FUNCTION doudi.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;", {}},
      {"views/a.sql", "CREATE OR REPLACE VIEW doudi.a AS SELECT doudi.f();", {}},
      {"views/b.sql", "CREATE OR REPLACE VIEW doudi.b AS SELECT * FROM doudi.a;", {}},
      {"views/c.sql", "CREATE OR REPLACE VIEW doudi.c AS SELECT 1;", {}},
      {"policies/t.sql", "CREATE POLICY p ON doudi.t USING (doudi.f() = 1);", {}},
  });
  BOOST_TEST(dal::SchemaFilesToApply(ordered, {"functions/f.sql"}) ==
                 (std::vector<std::string>{"functions/f.sql", "views/a.sql", "views/b.sql", "policies/t.sql"}),
             boost::test_tools::per_element());
  BOOST_TEST(dal::SchemaFilesToApply(ordered, {"views/c.sql"}) == std::vector<std::string>{"views/c.sql"},
             boost::test_tools::per_element());
  BOOST_TEST(dal::SchemaFilesToApply(ordered, {}).empty());
}

// The files compiled in: ordered without a cycle, each function or view
// file defining the object its name says (so the migrator's check that
// every object exists after applying means something).
BOOST_AUTO_TEST_CASE(every_built_in_file_defines_what_its_path_says) {
  const auto files = dal::BuiltInSchemaFiles();
  BOOST_TEST(files.size() > 100u);
  for (const auto& f : files) {
    const auto object = dal::SchemaObjectOf(f.path);
    if (f.path.rfind("functions/", 0) == 0) {
      BOOST_TEST((f.sql.find("FUNCTION doudi." + object + "(") != std::string::npos ||
                  f.sql.find("PROCEDURE doudi." + object + "(") != std::string::npos),
                 f.path);
    } else if (f.path.rfind("views/", 0) == 0) {
      BOOST_TEST(f.sql.find("VIEW doudi." + object + " ") != std::string::npos, f.path);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
