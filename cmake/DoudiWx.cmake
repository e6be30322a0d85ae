# wxWidgets 3.2 from Debian, through CMake's FindwxWidgets (wx-config). CMake
# 3.25 has no imported target for it, so wrap the variables in one.
find_package(wxWidgets REQUIRED COMPONENTS core base)
add_library(doudi_wx INTERFACE)
target_include_directories(doudi_wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
target_compile_definitions(doudi_wx INTERFACE ${wxWidgets_DEFINITIONS}
  $<$<CONFIG:Debug>:${wxWidgets_DEFINITIONS_DEBUG}>)
target_compile_options(doudi_wx INTERFACE ${wxWidgets_CXX_FLAGS})
target_link_libraries(doudi_wx INTERFACE ${wxWidgets_LIBRARIES})
