# Third-party libraries from Debian 12, wrapped as imported targets.
find_package(PostgreSQL REQUIRED)
find_package(Poco REQUIRED COMPONENTS Foundation Util Net Encodings)

include(DoudiSoci)

find_package(Boost REQUIRED COMPONENTS unit_test_framework)
