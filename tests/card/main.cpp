// The resident-ID card reader (workstation/CardReader.cmake): natively and,
// in the Windows cross build, under Wine with fake vendor DLLs.
#define BOOST_TEST_MODULE doudi_card_reader_tests
#ifdef DOUDI_BOOST_TEST_HEADER_ONLY
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif
