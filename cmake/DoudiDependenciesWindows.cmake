# Third-party libraries for the mingw-w64 cross build, from the static
# dependency cache that scripts/windows-deps fills (docs/windows.md). Included
# instead of DoudiDependencies.cmake only when cross-compiling for Windows
# with -DDOUDI_WINDOWS_DEPS=<cache> (cmake/windows/toolchain.cmake); the
# native Linux configuration never reads this file.
#
# It defines the same imported targets the layers link: PostgreSQL::PostgreSQL,
# Poco::* (with NetSSL, Crypto and JSON), soci::core and soci::postgresql,
# JPEG::JPEG and PNG::PNG. Boost.Test is header-only in the cross build
# (DoudiTesting.cmake) and needs nothing here.
if(NOT DOUDI_WINDOWS_DEPS OR NOT EXISTS "${DOUDI_WINDOWS_DEPS}/COMPLETE")
  message(FATAL_ERROR "DOUDI_WINDOWS_DEPS='${DOUDI_WINDOWS_DEPS}' is not a complete dependency cache "
                      "(run scripts/windows-deps)")
endif()

# One static exe per program: no libstdc++, libgcc or winpthread DLLs to ship.
add_link_options(-static -static-libgcc -static-libstdc++)

find_package(PkgConfig REQUIRED)

# libpq: the cache has no pg_config for FindPostgreSQL; its libpq.pc carries
# OpenSSL and the Windows system libraries. The raw `pkg-config --static`
# flags are linked in their order (docs/windows.md, "Static pkg-config link
# lines").
pkg_check_modules(DOUDI_WIN_LIBPQ REQUIRED libpq)
add_library(PostgreSQL::PostgreSQL INTERFACE IMPORTED)
set_target_properties(PostgreSQL::PostgreSQL PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${DOUDI_WIN_LIBPQ_INCLUDE_DIRS}"
  INTERFACE_LINK_LIBRARIES "${DOUDI_WIN_LIBPQ_STATIC_LDFLAGS}")

# Poco's own CMake package (in <cache>/cmake), static, unbundled; XML and
# Zip read the .xlsx import files (admin/xlsx_file.cpp). NetSSL (the
# OpenSSL flavour) and Crypto find the cache's static OpenSSL themselves:
# their configs set OPENSSL_USE_STATIC_LIBS, so CMake's OpenSSL::SSL and
# OpenSSL::Crypto link libssl.a/libcrypto.a and then ws2_32 and crypt32.
find_package(Poco REQUIRED CONFIG COMPONENTS Foundation Util Net Encodings JSON Crypto NetSSL XML Zip)

# libjpeg-turbo (the libjpeg 6b API) and libpng, static, through CMake's own
# FindJPEG and FindPNG as natively: JPEG::JPEG, PNG::PNG (which brings
# ZLIB::ZLIB, the cache's libz.a). The toolchain file roots both searches in
# the cache.
find_package(JPEG REQUIRED)
find_package(PNG REQUIRED)
include(DoudiSoci)

# The documents' stack (pango, cairo, glib, harfbuzz, libxlsxwriter):
# reports/CMakeLists.txt finds it with pkg_check_modules(IMPORTED_TARGET),
# which reorders a static link line; doudi_windows_static_documents() appends
# the raw flags, in order, to the reports library afterwards.
pkg_check_modules(DOUDI_WIN_DOCUMENTS REQUIRED pangocairo cairo-pdf cairo-png xlsxwriter)
function(doudi_windows_static_documents target)
  target_link_libraries(${target} INTERFACE ${DOUDI_WIN_DOCUMENTS_STATIC_LDFLAGS})
endfunction()

# wxWidgets (MSW, static) from the cache's wx-config. CMake's FindwxWidgets
# would need wxWidgets_CONFIG_EXECUTABLE outside the find root and splits the
# static link line; the one target DoudiWx.cmake defines natively is made
# here from wx-config's own flags, in its order.
set(DOUDI_WX_CONFIG "${DOUDI_WINDOWS_DEPS}/bin/wx-config")
foreach(part cxxflags libs)
  execute_process(COMMAND ${DOUDI_WX_CONFIG} --static=yes --${part} core,base
    OUTPUT_VARIABLE doudi_wx_${part} OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${DOUDI_WX_CONFIG} --${part} failed: the cache's wxWidgets is incomplete")
  endif()
  separate_arguments(doudi_wx_${part} UNIX_COMMAND "${doudi_wx_${part}}")
endforeach()
set(doudi_wx_includes "")
set(doudi_wx_definitions "")
foreach(flag IN LISTS doudi_wx_cxxflags)
  if(flag MATCHES "^-I(.*)")
    list(APPEND doudi_wx_includes "${CMAKE_MATCH_1}")
  elseif(flag MATCHES "^-D(.*)")
    list(APPEND doudi_wx_definitions "${CMAKE_MATCH_1}")
  endif()
endforeach()
add_library(doudi_wx INTERFACE)
target_include_directories(doudi_wx SYSTEM INTERFACE ${doudi_wx_includes})
target_compile_definitions(doudi_wx INTERFACE ${doudi_wx_definitions})
# -mwindows (the GUI subsystem) comes from wx-config; doudi is WIN32 anyway.
target_link_libraries(doudi_wx INTERFACE ${doudi_wx_libs})
