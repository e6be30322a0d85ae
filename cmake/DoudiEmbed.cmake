# doudi_embed_files(TARGET tgt FUNCTION name FILES f1 f2 ...)
# Compiles the given files into tgt as a table of (name, bytes) so the
# programs carry their SQL migrations and shipped data with them: an MSI
# install then needs no data directory to be found at run time.
# Generates `std::span<const EmbeddedFile> name()` (declare it yourself).
# Each file is named by its file name, or with BASE_DIR by its path below
# that folder ("functions/case_open.sql").
set(_DOUDI_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/DoudiEmbedGenerate.cmake)
function(doudi_embed_files)
  cmake_parse_arguments(E "" "TARGET;FUNCTION;NAMESPACE;BASE_DIR" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_FUNCTION}_embedded.cpp)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFUNCTION=${E_FUNCTION}
            -DNAMESPACE=${E_NAMESPACE} "-DFILES=${E_FILES}" "-DBASE_DIR=${E_BASE_DIR}"
            -P ${_DOUDI_EMBED_SCRIPT}
    DEPENDS ${E_FILES} ${_DOUDI_EMBED_SCRIPT}
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE ${out})
endfunction()
