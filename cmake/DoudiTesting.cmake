# doudi_add_test(NAME name LABEL label SOURCES ... LIBS ... [ENVIRONMENT ...] [WRAPPER cmd args...])
# One Boost.Test executable per layer, registered with CTest under its label.
# Natively it links the shared Boost.Test library; in the mingw-w64 cross
# build it uses the header-only variant (Debian ships no mingw Boost) and
# CTest runs it through CMAKE_CROSSCOMPILING_EMULATOR (wine64).
if(NOT CMAKE_CROSSCOMPILING)
  # Found here, not only in DoudiDependencies, because DOUDI_MODEL_ONLY builds
  # skip that file yet still build the model's tests.
  find_package(Boost REQUIRED COMPONENTS unit_test_framework)
else()
  # The host's Boost headers are portable; expose only them, not /usr/include.
  set(_doudi_boost_dir ${CMAKE_BINARY_DIR}/boost-headers)
  if(NOT EXISTS ${_doudi_boost_dir}/boost)
    file(MAKE_DIRECTORY ${_doudi_boost_dir})
    file(CREATE_LINK /usr/include/boost ${_doudi_boost_dir}/boost SYMBOLIC)
  endif()
endif()

function(doudi_add_test)
  cmake_parse_arguments(T "" "NAME;LABEL" "SOURCES;LIBS;ENVIRONMENT;WRAPPER" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} doudi_warnings)
  if(CMAKE_CROSSCOMPILING)
    target_compile_definitions(${T_NAME} PRIVATE DOUDI_BOOST_TEST_HEADER_ONLY)
    # A main.cpp written only for the library gets the header-only framework
    # from a translation unit of its own (cmake/windows/boost_test_runner.cpp).
    set(_header_only OFF)
    foreach(_source IN LISTS T_SOURCES)
      get_filename_component(_path ${_source} ABSOLUTE)
      file(STRINGS ${_path} _hit REGEX "boost/test/included/")
      if(_hit)
        set(_header_only ON)
      endif()
    endforeach()
    if(NOT _header_only)
      target_sources(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/windows/boost_test_runner.cpp)
    endif()
    target_include_directories(${T_NAME} SYSTEM PRIVATE ${_doudi_boost_dir})
    target_link_options(${T_NAME} PRIVATE -static)
    set(_label windows)
  else()
    target_link_libraries(${T_NAME} PRIVATE Boost::unit_test_framework)
    set(_label ${T_LABEL})
  endif()
  # WRAPPER runs the executable inside another program (xvfb-run for GUI tests).
  # Named bare, the target gets its path and, when cross-compiling, the emulator.
  if(T_WRAPPER)
    set(_command ${T_WRAPPER} $<TARGET_FILE:${T_NAME}>)
  else()
    set(_command ${T_NAME})
  endif()
  add_test(NAME ${T_NAME} COMMAND ${_command} --log_level=test_suite --report_level=short
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(${T_NAME} PROPERTIES LABELS ${_label})
  if(T_ENVIRONMENT)
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${T_ENVIRONMENT}")
  endif()
endfunction()
