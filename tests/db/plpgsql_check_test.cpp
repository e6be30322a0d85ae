// plpgsql_check over every PL/pgSQL function of the schema: what the server
// only finds when a line runs (a misspelt column, a missing table, a type
// that does not fit) is found here for every line. Trigger functions are
// checked against each table they are attached to, with the transition
// tables their triggers declare (an audit function serving INSERT, UPDATE
// and DELETE triggers is checked with all of them on every table: only the
// branch of the trigger's event runs). The extension exists only in the test
// database (Debian: postgresql-15-plpgsql-check, scripts/install-deps).
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "db_fixture.h"

using namespace doudi;

BOOST_AUTO_TEST_SUITE(plpgsql_check)

BOOST_AUTO_TEST_CASE(every_plpgsql_function_passes_plpgsql_check) {
  test::MigratedDatabase m(false);
  m.server.Execute("CREATE EXTENSION IF NOT EXISTS plpgsql_check");
  BOOST_TEST(m.server.Count("SELECT count(*) FROM pg_catalog.pg_proc AS p JOIN pg_catalog.pg_language AS l "
                            "ON l.oid = p.prolang WHERE p.pronamespace = 'doudi'::regnamespace "
                            "AND l.lanname = 'plpgsql'") > 50);
  // Every finding, warnings and the extra warnings included (unused
  // variables, parameters). The OUT columns of functions that RETURN QUERY
  // are never assigned one by one: "maybe unmodified" is what that looks
  // like to the checker, not a finding.
  const auto findings = m.server.Rows(R"sql(
    WITH f AS (
      SELECT p.oid, p.oid::regprocedure::text AS name, p.prorettype = 'pg_catalog.trigger'::regtype AS is_trigger
      FROM pg_catalog.pg_proc AS p JOIN pg_catalog.pg_language AS l ON l.oid = p.prolang
      WHERE p.pronamespace = 'doudi'::regnamespace AND l.lanname = 'plpgsql'),
    target AS (
      SELECT DISTINCT f.oid, f.name, t.tgrelid AS rel,
             max(t.tgoldtable::text) OVER (PARTITION BY f.oid) AS old_rows,
             max(t.tgnewtable::text) OVER (PARTITION BY f.oid) AS new_rows
      FROM f JOIN pg_catalog.pg_trigger AS t ON t.tgfoid = f.oid
      WHERE f.is_trigger AND NOT t.tgisinternal
      UNION ALL
      SELECT f.oid, f.name, 0, NULL, NULL FROM f WHERE NOT f.is_trigger)
    SELECT DISTINCT t.name || coalesce(' on ' || nullif(t.rel, 0)::regclass::text, '') || ', line ' ||
           coalesce(c.lineno::text, '-') || ': ' || c.level || ': ' || c.message
    FROM target AS t,
         plpgsql_check_function_tb(t.oid, t.rel, fatal_errors => false, other_warnings => true,
                                   extra_warnings => true, security_warnings => true,
                                   oldtable => t.old_rows, newtable => t.new_rows) AS c
    WHERE NOT (c.level = 'warning extra' AND c.message LIKE 'OUT variable "%" is maybe unmodified')
      -- pg_cron's tables exist only where the extension is: the schedule's
      -- readers return them through EXECUTE, which the checker cannot see.
      AND NOT (c.level = 'warning extra' AND c.message LIKE 'unmodified OUT variable %'
               AND t.name LIKE 'doudi.screening\_schedule\_%')
    ORDER BY 1)sql");
  // Explained, each for its reason; anything else is a finding to fix.
  // The registry search builds its statement from doudi.registry_search_from's
  // constant fragments and binds every value (EXECUTE ... USING): the
  // checker sees only text joined into EXECUTE.
  const std::vector<std::string> explained{
      "doudi.registry_count(boolean,text,text,text,text,text,text,text), line 14: security: text type variable is "
      "not sanitized",
      "doudi.registry_count(boolean,text,text,text,text,text,text,text), line 9: security: text type variable is "
      "not sanitized",
      "doudi.registry_search(text,text,text,text,text,text,text,integer,bigint), line 7: security: text type "
      "variable is not sanitized",
      "doudi.registry_search_ids(text,text,text,text,text,text,text), line 7: security: text type variable is not "
      "sanitized",
  };
  for (const auto& finding : findings) {
    BOOST_TEST((std::find(explained.begin(), explained.end(), finding) != explained.end()), "unexplained: " << finding);
  }
  BOOST_TEST(findings == explained, boost::test_tools::per_element());
}

// A trigger function attached to no table would escape the check above.
BOOST_AUTO_TEST_CASE(every_trigger_function_is_attached) {
  test::MigratedDatabase m(false);
  const auto loose = m.server.Rows(
      "SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc AS p "
      "WHERE p.pronamespace = 'doudi'::regnamespace AND p.prorettype = 'pg_catalog.trigger'::regtype "
      "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger AS t WHERE t.tgfoid = p.oid) ORDER BY 1");
  BOOST_TEST(loose == std::vector<std::string>{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
