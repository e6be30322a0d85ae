#define BOOST_TEST_MODULE doudi_intake_tests
#include <boost/test/unit_test.hpp>
