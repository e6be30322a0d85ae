#define BOOST_TEST_MODULE doudi_model_tests
#ifdef DOUDI_BOOST_TEST_HEADER_ONLY
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif
