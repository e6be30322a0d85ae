#define BOOST_TEST_MODULE doudi_admin_tests
#include <boost/test/unit_test.hpp>
