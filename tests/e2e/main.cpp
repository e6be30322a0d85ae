#define BOOST_TEST_MODULE doudi_admin_e2e_tests
#include <boost/test/unit_test.hpp>
