// doudi.ini profiles as libpq connection strings: one server, or a primary
// and its standbys listed together (docs/deployment.md, "High availability").
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "../unit/temporary_directory.h"
#include "connection_settings.h"
#include "doudi/dal/connection_profile.h"

using namespace doudi;

BOOST_AUTO_TEST_SUITE(connection_profile)

BOOST_AUTO_TEST_CASE(one_host_names_no_target_session) {
  dal::ConnectionProfile p;
  p.host = "db.county.example";
  p.port = "5432";
  p.dbname = "doudi";
  BOOST_TEST(dal::ToConnectionString(p) ==
             "host='db.county.example' port='5432' dbname='doudi' application_name='doudi'");
}

BOOST_AUTO_TEST_CASE(several_hosts_settle_on_the_primary) {
  dal::ConnectionProfile p;
  p.host = " db1.county.example , db2.county.example ";
  p.port = "5432, 5433";
  p.dbname = "doudi";
  p.user = "clerk";
  p.sslmode = "verify-full";
  BOOST_TEST(dal::ToConnectionString(p) ==
             "host='db1.county.example,db2.county.example' port='5432,5433' dbname='doudi' user='clerk' "
             "sslmode='verify-full' target_session_attrs='read-write' application_name='doudi'");
}

BOOST_AUTO_TEST_CASE(a_target_session_given_is_kept) {
  dal::ConnectionProfile p;
  p.host = "db1,db2";
  p.targetSessionAttrs = "any";
  BOOST_TEST(dal::ToConnectionString(p) == "host='db1,db2' target_session_attrs='any' application_name='doudi'");
  p.host = "db1";
  p.targetSessionAttrs = "read-write";
  BOOST_TEST(dal::ToConnectionString(p) == "host='db1' target_session_attrs='read-write' application_name='doudi'");
}

BOOST_AUTO_TEST_CASE(the_ini_lists_hosts_and_ports) {
  test::TemporaryDirectory dir("doudi-profile");
  std::filesystem::create_directories(dir.path);
  const auto ini = dir.path / "doudi.ini";
  std::ofstream(ini) << "default = county\n"
                        "[profile county]\n"
                        "host = 10.1.0.11, 10.1.0.12\n"
                        "port = 5432, 5432\n"
                        "dbname = doudi\n"
                        "sslmode = verify-full\n"
                        "[profile standby]\n"
                        "host = 10.1.0.11, 10.1.0.12\n"
                        "dbname = doudi\n"
                        "target_session_attrs = prefer-standby\n";
  const auto county = admin::LoadProfile(ini, "");
  BOOST_TEST(county.host == "10.1.0.11, 10.1.0.12");
  BOOST_TEST(county.targetSessionAttrs.empty());
  BOOST_TEST(dal::ToConnectionString(county) ==
             "host='10.1.0.11,10.1.0.12' port='5432,5432' dbname='doudi' sslmode='verify-full' "
             "target_session_attrs='read-write' application_name='doudi'");
  const auto standby = admin::LoadProfile(ini, "standby");
  BOOST_TEST(standby.targetSessionAttrs == "prefer-standby");
  BOOST_TEST(dal::ToConnectionString(standby) ==
             "host='10.1.0.11,10.1.0.12' dbname='doudi' target_session_attrs='prefer-standby' "
             "application_name='doudi'");
}

BOOST_AUTO_TEST_SUITE_END()
