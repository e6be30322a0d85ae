# clang-tidy runs as its own target (`ninja tidy`), never in every build.
find_program(DOUDI_CLANG_TIDY NAMES clang-tidy clang-tidy-14)
if(DOUDI_CLANG_TIDY)
  file(GLOB_RECURSE _doudi_tidy_sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/model/src/*.cpp
    ${PROJECT_SOURCE_DIR}/workstation/src/*.cpp
    ${PROJECT_SOURCE_DIR}/dal/pg/*.cpp
    ${PROJECT_SOURCE_DIR}/admin/*.cpp)
  add_custom_target(tidy
    COMMAND ${DOUDI_CLANG_TIDY} -p ${CMAKE_BINARY_DIR} --quiet ${_doudi_tidy_sources}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "clang-tidy over Doudi's sources"
    VERBATIM)
endif()
