#define BOOST_TEST_MODULE doudi_dal_tests
#include <boost/test/unit_test.hpp>
