# Warnings for every Doudi target; DOUDI_WERROR (on in CI) makes them errors.
add_library(doudi_warnings INTERFACE)
target_compile_options(doudi_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
  $<$<BOOL:${DOUDI_WERROR}>:-Werror>)
