# Warnings for every Doudi target; DOUDI_WERROR (on in CI) makes them errors.
add_library(doudi_warnings INTERFACE)
if(MSVC)
  # The Windows build with MSVC (docs/windows.md, "MSVC and vcpkg").
  target_compile_options(doudi_warnings INTERFACE /W4 $<$<BOOL:${DOUDI_WERROR}>:/WX>)
else()
  target_compile_options(doudi_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
    $<$<BOOL:${DOUDI_WERROR}>:-Werror>)
endif()
# The sources are UTF-8 with Chinese string literals; MSVC would read them in
# the PC's code page (GBK on a Chinese Windows) without /utf-8.
add_compile_options($<$<CXX_COMPILER_ID:MSVC>:/utf-8>)
