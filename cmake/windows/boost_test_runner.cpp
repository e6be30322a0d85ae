// Boost.Test's implementation and main() for a test executable of the
// mingw-w64 cross build (Debian ships no mingw Boost libraries): the test's
// own main.cpp defines BOOST_TEST_MODULE and includes <boost/test/unit_test.hpp>
// as it does natively against the library; this translation unit supplies
// what the library would. Added by doudi_add_test (cmake/DoudiTesting.cmake)
// to test executables whose main.cpp is not already header-only.
#include <boost/test/included/unit_test.hpp>
