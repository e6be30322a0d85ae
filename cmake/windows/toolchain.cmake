# Cross-building for 64-bit Windows against the dependency cache that
# scripts/windows-deps fills (static libraries built with mingw-w64, posix
# threads). Pass the cache with -DDOUDI_WINDOWS_DEPS=<dir> or the environment
# variable of the same name; `scripts/windows-deps --print-dir` prints it.
#
# The cache is a prefix: include/, lib/ (static .a only), lib/pkgconfig,
# lib/cmake (Poco), bin/wx-config. Searches are rooted in it first and in the
# mingw-w64 sysroot second, never in the Linux host's /usr.
include(${CMAKE_CURRENT_LIST_DIR}/../mingw-w64-x86_64.cmake)

if(NOT DOUDI_WINDOWS_DEPS AND DEFINED ENV{DOUDI_WINDOWS_DEPS})
  set(DOUDI_WINDOWS_DEPS "$ENV{DOUDI_WINDOWS_DEPS}")
endif()
if(DOUDI_WINDOWS_DEPS)
  # Toolchain files run once per try_compile project too: pass the value on.
  list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES DOUDI_WINDOWS_DEPS)
  set(CMAKE_FIND_ROOT_PATH "${DOUDI_WINDOWS_DEPS};/usr/x86_64-w64-mingw32")
  list(PREPEND CMAKE_PREFIX_PATH "${DOUDI_WINDOWS_DEPS}")
  # pkg-config sees only the cache's .pc files, with their static link lines.
  set(ENV{PKG_CONFIG_LIBDIR} "${DOUDI_WINDOWS_DEPS}/lib/pkgconfig")
  set(ENV{PKG_CONFIG_PATH} "")
  set(PKG_CONFIG_ARGN --static)
endif()
