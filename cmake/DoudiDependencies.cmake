# Third-party libraries from Debian 12, wrapped as imported targets.
find_package(PostgreSQL REQUIRED)
find_package(Poco REQUIRED COMPONENTS Foundation Util Net Encodings JSON NetSSL Crypto XML Zip)
# doudi-intake re-encodes the reporters' photos (libjpeg-turbo, libpng).
find_package(JPEG REQUIRED)
find_package(PNG REQUIRED)

include(DoudiSoci)

find_package(Boost REQUIRED COMPONENTS unit_test_framework)
