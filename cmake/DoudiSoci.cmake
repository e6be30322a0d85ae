# SOCI's core and PostgreSQL backend as imported targets, for the native and
# the Windows builds alike (DoudiDependencies.cmake, DoudiDependenciesWindows.cmake).
# SOCI 4.0.3 on Debian ships neither a CMake config nor a pkg-config file; on
# Windows (the mingw-w64 cache, vcpkg) its libraries carry the version in
# their names. Needs PostgreSQL::PostgreSQL.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY NAMES soci_core soci_core_4_0 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql soci_postgresql_4_0 REQUIRED)
add_library(soci::core UNKNOWN IMPORTED)
set_target_properties(soci::core PROPERTIES
  IMPORTED_LOCATION ${SOCI_CORE_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${SOCI_INCLUDE_DIR})
add_library(soci::postgresql UNKNOWN IMPORTED)
set_target_properties(soci::postgresql PROPERTIES
  IMPORTED_LOCATION ${SOCI_POSTGRESQL_LIBRARY}
  INTERFACE_LINK_LIBRARIES "soci::core;PostgreSQL::PostgreSQL")
