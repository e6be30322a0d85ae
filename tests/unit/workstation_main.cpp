// The toolkit-free workstation library (workstation/): no display, no database.
#define BOOST_TEST_MODULE doudi_workstation_tests
#include <boost/test/unit_test.hpp>
