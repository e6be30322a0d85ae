#define BOOST_TEST_MODULE doudi_report_tests
#include <boost/test/unit_test.hpp>
