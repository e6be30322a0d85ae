# Script mode (cmake -P): the code tables of assets/codes/ turned into the
# model's constexpr tables, so the terms village lists write are data, kept
# in one place.
#
#   cmake -DCODES_DIR=<assets/codes> -DOUT=<build>/generated/doudi/model/code_tables.h -P DoudiGenerateCodes.cmake
#
# Each <name>.csv (UTF-8, header code,term,value, no quoting) becomes
# kCodes<Name> (family-relation.csv: kCodesFamilyRelation): code is the
# national code the term has (GB/T 4761 for relations; empty for a term no
# standard codes), term the Chinese term as written, value the model's code
# the term means. A term or code listed twice is the model's concern: it
# checks the tables at compile time.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/DoudiRuleTables.cmake)  # doudi_pascal_case

if(NOT CODES_DIR OR NOT OUT)
  message(FATAL_ERROR "DoudiGenerateCodes: CODES_DIR and OUT are required")
endif()

file(GLOB csvs "${CODES_DIR}/*.csv")
list(SORT csvs)
set(body "// Generated from assets/codes/*.csv by cmake/DoudiGenerateCodes.cmake; do not edit.\n")
string(APPEND body "#pragma once\n#include <array>\n#include <cstddef>\n#include <string_view>\n\nnamespace doudi::model::codes {\n\n")
string(APPEND body "struct CodedTerm {\n  std::string_view code;   // national code, empty when none\n")
string(APPEND body "  std::string_view term;   // as lists write it\n  std::string_view value;  // the model's code\n};\n")
string(APPEND body "\n// The row of a national code in one of the tables below; nullptr when none.\n")
string(APPEND body "template <std::size_t N>\nconstexpr const CodedTerm* ByCode(std::string_view code, const std::array<CodedTerm, N>& table) {\n")
string(APPEND body "  for (const CodedTerm& row : table) {\n    if (row.code == code) return &row;\n  }\n  return nullptr;\n}\n")
foreach(csv IN LISTS csvs)
  get_filename_component(stem "${csv}" NAME_WE)
  doudi_pascal_case("${stem}" "-" name)
  set(name "kCodes${name}")
  file(STRINGS "${csv}" lines ENCODING UTF-8)
  list(POP_FRONT lines header)
  if(NOT header STREQUAL "code,term,value")
    message(FATAL_ERROR "${csv}:1: the header must be code,term,value")
  endif()
  set(rows "")
  set(count 0)
  set(line 1)
  foreach(row IN LISTS lines)
    math(EXPR line "${line} + 1")
    if(row STREQUAL "")
      continue()
    endif()
    if(row MATCHES "[\"\\\\;]")
      message(FATAL_ERROR "${csv}:${line}: quotes, backslashes and semicolons are not allowed")
    endif()
    if(NOT row MATCHES "^([0-9]*),([^,]+),([a-z0-9_]+)$")
      message(FATAL_ERROR "${csv}:${line}: expected code,term,value (a code of digits or empty, a term, a value)")
    endif()
    string(APPEND rows "    {\"${CMAKE_MATCH_1}\", \"${CMAKE_MATCH_2}\", \"${CMAKE_MATCH_3}\"},\n")
    math(EXPR count "${count} + 1")
  endforeach()
  string(APPEND body "\n// ${stem}.csv\ninline constexpr std::array<CodedTerm, ${count}> ${name}{{\n${rows}}};\n")
endforeach()
string(APPEND body "\n}  // namespace doudi::model::codes\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
