# Included by the rule-table generators (DoudiGenerateWorkflow.cmake,
# DoudiGenerateCapabilities.cmake, DoudiGenerateAlertRules.cmake,
# DoudiGenerateCodes.cmake): reading the CSV files of assets/rules with
# every error naming file and line, and writing what is generated from them.
# Script mode only (cmake -P).
include_guard(GLOBAL)

# The StaffGroup codes (model/include/doudi/model/staff.h, the CHECK on
# doudi.app_user.group_role); the generated headers name each group's
# enumerator, so a group the model lacks fails the build.
set(DOUDI_STAFF_GROUPS village_clerk township_reviewer city_decider department_liaison finance_officer center_admin
    auditor)

# Checks the arguments every rule-table generator takes: RULES_DIR and
# OUT_DIR are required, MODE is generate (the default) or docs. script names
# the generator in the errors.
macro(doudi_rule_script_arguments script)
  if(NOT RULES_DIR OR NOT OUT_DIR)
    message(FATAL_ERROR "${script}: RULES_DIR and OUT_DIR are required")
  endif()
  if(NOT MODE)
    set(MODE generate)
  endif()
  if(NOT MODE MATCHES "^(generate|docs)$")
    message(FATAL_ERROR "${script}: unknown MODE '${MODE}' (generate or docs)")
  endif()
endmacro()

# "open_case" -> "OpenCase" with separator "_": a code as a C++ name.
function(doudi_pascal_case text separator out)
  string(REPLACE "${separator}" ";" words "${text}")
  set(name "")
  foreach(word IN LISTS words)
    string(SUBSTRING "${word}" 0 1 first)
    string(SUBSTRING "${word}" 1 -1 rest)
    string(TOUPPER "${first}" first)
    string(APPEND name "${first}${rest}")
  endforeach()
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

# Reads a CSV into the variable <prefix>_ROWS: a list of rows, each row's
# fields joined by "|". Sets <prefix>_LINES to each row's line number.
function(doudi_read_rule_csv path header prefix)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "${path}: not found")
  endif()
  file(READ "${path}" text)
  file(READ "${path}" bom LIMIT 3 HEX)
  if(bom STREQUAL "efbbbf")
    string(SUBSTRING "${text}" 3 -1 text)
  endif()
  foreach(bad ";" "[" "]" "\\" "\"" "|")
    string(FIND "${text}" "${bad}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${path}: the character '${bad}' is not allowed in the rule files")
    endif()
  endforeach()
  string(REPLACE "\r" "" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  string(REPLACE "," ";" header_fields "${header}")
  list(LENGTH header_fields width)
  set(rows "")
  set(numbers "")
  set(number 0)
  set(seen_header FALSE)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line STREQUAL "")
      continue()
    endif()
    if(NOT seen_header)
      if(NOT line STREQUAL header)
        message(FATAL_ERROR "${path}:${number}: the header must be '${header}', found '${line}'")
      endif()
      set(seen_header TRUE)
      continue()
    endif()
    string(REPLACE "," ";" fields "${line}")
    list(LENGTH fields n)
    if(NOT n EQUAL width)
      message(FATAL_ERROR "${path}:${number}: ${n} fields, expected ${width} (${header})")
    endif()
    foreach(field IN LISTS fields)
      string(STRIP "${field}" stripped)
      if(stripped STREQUAL "" OR NOT stripped STREQUAL field)
        message(FATAL_ERROR "${path}:${number}: empty field or surrounding spaces in '${line}'")
      endif()
    endforeach()
    string(REPLACE ";" "|" row "${fields}")
    list(APPEND rows "${row}")
    list(APPEND numbers ${number})
  endforeach()
  if(NOT seen_header)
    message(FATAL_ERROR "${path}: empty file")
  endif()
  set(${prefix}_ROWS "${rows}" PARENT_SCOPE)
  set(${prefix}_LINES "${numbers}" PARENT_SCOPE)
endfunction()

# Splits a "|"-joined row into the variables named after it.
macro(doudi_rule_fields row)
  string(REPLACE "|" ";" _f "${row}")
  set(_i 0)
  foreach(_name ${ARGN})
    list(GET _f ${_i} ${_name})
    math(EXPR _i "${_i} + 1")
  endforeach()
endmacro()

function(doudi_check_rule_value where what value allowed)
  if(NOT value IN_LIST allowed)
    string(REPLACE ";" ", " allowed_text "${allowed}")
    message(FATAL_ERROR "${where}: unknown ${what} '${value}' (one of: ${allowed_text})")
  endif()
endfunction()

# Splits value, codes joined by "+", into the list <out>, checking each code
# against allowed (what names it in the errors) and that none is listed twice.
function(doudi_rule_code_list where what value allowed out)
  string(REPLACE "+" ";" codes "${value}")
  set(checked "")
  foreach(code IN LISTS codes)
    doudi_check_rule_value("${where}" "${what}" "${code}" "${allowed}")
    if(code IN_LIST checked)
      message(FATAL_ERROR "${where}: ${what} '${code}' listed twice")
    endif()
    list(APPEND checked ${code})
  endforeach()
  set(${out} "${checked}" PARENT_SCOPE)
endfunction()

function(doudi_check_rule_code where what value)
  if(NOT value MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "${where}: ${what} '${value}' is not a lowercase snake_case code")
  endif()
endfunction()

# Checks a row's code (lowercase snake_case) and Chinese label against the
# ones read before (the caller's lists codes_var and labels_var) and appends
# them: a code or label listed twice would make the table ambiguous.
function(doudi_add_labelled_code where what code chinese codes_var labels_var)
  doudi_check_rule_code("${where}" ${what} "${code}")
  if(code IN_LIST ${codes_var} OR chinese IN_LIST ${labels_var})
    message(FATAL_ERROR "${where}: ${what} '${code}' or label '${chinese}' listed twice")
  endif()
  list(APPEND ${codes_var} ${code})
  list(APPEND ${labels_var} "${chinese}")
  set(${codes_var} "${${codes_var}}" PARENT_SCOPE)
  set(${labels_var} "${${labels_var}}" PARENT_SCOPE)
endfunction()

# The C++ enumeration enum_name, its enumerators the codes in PascalCase, and
# its EnumTraits texts (each code with the Chinese label at its place in
# labels) into <out>, for a generated header that includes domain_enum.h.
function(doudi_cpp_enum enum_name codes labels out)
  set(enumerators "")
  set(texts "")
  foreach(code label IN ZIP_LISTS codes labels)
    doudi_pascal_case(${code} "_" name)
    string(APPEND enumerators "  ${name},\n")
    string(APPEND texts "      {${enum_name}::${name}, \"${code}\", \"${label}\"},\n")
  endforeach()
  list(LENGTH codes n)
  set(${out} "enum class ${enum_name} {
${enumerators}};

template <>
struct EnumTraits<${enum_name}> {
  static constexpr std::array<EnumText<${enum_name}>, ${n}> kTexts{{
${texts}  }};
};" PARENT_SCOPE)
endfunction()

# Appends to the variable lines_var one C++ row {enum_name::<code>,
# StaffGroup::<group>} for each of groups (codes, as PascalCase enumerators)
# and adds their number to the variable count_var.
function(doudi_cpp_group_rows enum_name code groups lines_var count_var)
  doudi_pascal_case(${code} "_" name)
  set(lines "${${lines_var}}")
  set(count ${${count_var}})
  foreach(group IN LISTS groups)
    doudi_pascal_case(${group} "_" group_name)
    string(APPEND lines "    {${enum_name}::${name}, StaffGroup::${group_name}},\n")
    math(EXPR count "${count} + 1")
  endforeach()
  set(${lines_var} "${lines}" PARENT_SCOPE)
  set(${count_var} ${count} PARENT_SCOPE)
endfunction()

# Quotes value as an SQL string literal into <out>.
function(doudi_sql_quote value out)
  string(REPLACE "'" "''" value "${value}")
  set(${out} "'${value}'" PARENT_SCOPE)
endfunction()

# Writes path only when its contents change, so nothing downstream rebuilds
# for an identical table.
function(doudi_write_if_changed path content)
  set(tmp "${path}.tmp")
  file(WRITE "${tmp}" "${content}")
  file(COPY_FILE "${tmp}" "${path}" ONLY_IF_DIFFERENT)
  file(REMOVE "${tmp}")
endfunction()

# The generated section of a document: the text between begin and end
# markers, which section replaces whole (section starts with the begin marker
# and ends with the end marker).
#   doudi_docs_section(MODE generate|docs DOCS <file> SECTION <text>
#                      BEGIN <marker> END <marker> TARGET <docs target>)
# MODE generate warns when DOCS (if given and present) differs from the
# section; MODE docs rewrites DOCS in place and fails when it has no markers.
function(doudi_docs_section)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "MODE;DOCS;SECTION;BEGIN;END;TARGET" "")
  if(arg_MODE STREQUAL "generate" AND (NOT arg_DOCS OR NOT EXISTS "${arg_DOCS}"))
    return()
  endif()
  if(NOT arg_DOCS OR NOT EXISTS "${arg_DOCS}")
    message(FATAL_ERROR "DOCS='${arg_DOCS}' not found")
  endif()
  file(READ "${arg_DOCS}" docs)
  string(FIND "${docs}" "${arg_BEGIN}" begin)
  string(FIND "${docs}" "${arg_END}" end)
  set(updated "")
  if(NOT begin EQUAL -1 AND NOT end EQUAL -1 AND NOT end LESS begin)
    string(LENGTH "${arg_END}" end_length)
    math(EXPR after "${end} + ${end_length}")
    string(SUBSTRING "${docs}" 0 ${begin} head)
    string(SUBSTRING "${docs}" ${after} -1 tail)
    set(updated "${head}${arg_SECTION}${tail}")
  endif()
  if(arg_MODE STREQUAL "generate")
    if(NOT updated STREQUAL docs)
      message(WARNING "${arg_DOCS}: its generated section is out of date with assets/rules; "
                      "run `ninja -C build ${arg_TARGET}`")
    endif()
  elseif(arg_MODE STREQUAL "docs")
    if(updated STREQUAL "")
      message(FATAL_ERROR "${arg_DOCS}: no '${arg_BEGIN}' ... '${arg_END}' section to replace")
    endif()
    doudi_write_if_changed("${arg_DOCS}" "${updated}")
    message(STATUS "Updated the generated section of ${arg_DOCS}")
  else()
    message(FATAL_ERROR "unknown MODE '${arg_MODE}' (generate or docs)")
  endif()
endfunction()
