# doudi_card_reader: the resident-ID card reader behind one interface (the
# base message's parsing and checks, the simulated reader, and on Windows
# the sdtapi.dll adapter), over the model alone, so that the Windows model
# check (DOUDI_MODEL_ONLY, no dependency cache) builds it and runs its tests
# with fake vendor DLLs under Wine (docs/devices.md). Included from the
# top-level CMakeLists.txt before the other layers; doudi_workstation links it.
add_library(doudi_card_reader STATIC
  ${CMAKE_CURRENT_LIST_DIR}/src/id_card.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/card_reader.cpp)
if(WIN32)
  target_sources(doudi_card_reader PRIVATE ${CMAKE_CURRENT_LIST_DIR}/src/sdtapi_card_reader.cpp)
endif()
target_include_directories(doudi_card_reader PUBLIC ${CMAKE_CURRENT_LIST_DIR}/include
  # admin/utf8_path.h (header only): paths cross as UTF-8.
  PRIVATE ${PROJECT_SOURCE_DIR}/admin)
target_link_libraries(doudi_card_reader PUBLIC doudi_model PRIVATE doudi_warnings)
