# Script mode (cmake -P): the case workflow's one rule table, kept as data in
# assets/rules/, turned into everything that must agree with it.
#
#   cmake -DRULES_DIR=<assets/rules> -DOUT_DIR=<build>/generated
#         [-DDOCS=<docs/workflow.md>] [-DMODE=generate|docs] -P DoudiGenerateWorkflow.cmake
#
# Inputs (plain CSV, UTF-8, one header line, no quoting):
#   case_states.csv       state,chinese,terminal,deadline
#   case_actions.csv      action,chinese
#   case_transitions.csv  order,from_state,action,to_state,staff_group,level,opinion_required,programs,requires
# An `all` order row belongs to every order the file names. A state's
# deadline is `none` or the program parameter key (docs/parameters.md) that
# says how long a case may wait in it. A rule's programs are `all` or program
# codes joined by `+`; requires is `none` or what must be on record before
# the action (one of _requirements below).
#
# MODE=generate (the default, run by the build when an input changes) writes
#   OUT_DIR/doudi/model/case_transitions_table.h  constexpr tables for the model
#   OUT_DIR/case_transitions_seed.sql             re-appliable seed of doudi.case_transition_rule
#   OUT_DIR/workflow-<order>.mmd                  one mermaid state diagram per order
#   OUT_DIR/workflow.md                           the generated section of docs/workflow.md
# and warns when DOCS's generated section differs from it.
# MODE=docs rewrites DOCS's generated section in place (target workflow_docs).
#
# Every input is checked and any error stops the build, naming the file and
# line: unknown codes, a duplicate (order, from_state, action), a row leaving a
# terminal state. Fields may not contain ; [ ] \ or " (CMake's list syntax and
# the C++ literals would mangle them); codes are lowercase snake_case.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/DoudiRuleTables.cmake)

doudi_rule_script_arguments(DoudiGenerateWorkflow)

set(_groups village_clerk township_reviewer city_decider center_admin)
set(_levels village township city)
set(_booleans true false)
set(_requirements none survey verification_report appraisal_record amount notice_ended authorization)

# --- read and check -------------------------------------------------------

set(_states_csv ${RULES_DIR}/case_states.csv)
set(_actions_csv ${RULES_DIR}/case_actions.csv)
set(_transitions_csv ${RULES_DIR}/case_transitions.csv)

doudi_read_rule_csv(${_states_csv} "state,chinese,terminal,deadline" STATES)
doudi_read_rule_csv(${_actions_csv} "action,chinese" ACTIONS)
doudi_read_rule_csv(${_transitions_csv}
  "order,from_state,action,to_state,staff_group,level,opinion_required,programs,requires" RULES)

set(_state_codes "")
set(_state_labels "")
set(_terminal_states "")
foreach(row line IN ZIP_LISTS STATES_ROWS STATES_LINES)
  doudi_rule_fields("${row}" code chinese terminal deadline)
  set(where "${_states_csv}:${line}")
  doudi_add_labelled_code("${where}" state "${code}" "${chinese}" _state_codes _state_labels)
  doudi_check_rule_code("${where}" deadline "${deadline}")
  set(_state_deadline_${code} "${deadline}")
  doudi_check_rule_value("${where}" "terminal flag" "${terminal}" "${_booleans}")
  set(_state_label_${code} "${chinese}")
  if(terminal STREQUAL "true")
    list(APPEND _terminal_states ${code})
  endif()
endforeach()

set(_action_codes "")
set(_action_labels "")
foreach(row line IN ZIP_LISTS ACTIONS_ROWS ACTIONS_LINES)
  doudi_rule_fields("${row}" code chinese)
  set(where "${_actions_csv}:${line}")
  doudi_add_labelled_code("${where}" action "${code}" "${chinese}" _action_codes _action_labels)
  set(_action_label_${code} "${chinese}")
endforeach()

# The orders are the ones the file names; `all` rows belong to each of them.
set(_orders "")
foreach(row line IN ZIP_LISTS RULES_ROWS RULES_LINES)
  doudi_rule_fields("${row}" order from action to group level opinion programs requires)
  set(where "${_transitions_csv}:${line}")
  doudi_check_rule_value("${where}" "requires" "${requires}" "${_requirements}")
  string(REPLACE "+" ";" program_list "${programs}")
  foreach(program IN LISTS program_list)
    doudi_check_rule_code("${where}" program "${program}")
  endforeach()
  doudi_check_rule_code("${where}" order "${order}")
  doudi_check_rule_value("${where}" "from_state" "${from}" "${_state_codes}")
  doudi_check_rule_value("${where}" "action" "${action}" "${_action_codes}")
  doudi_check_rule_value("${where}" "to_state" "${to}" "${_state_codes}")
  doudi_check_rule_value("${where}" "staff_group" "${group}" "${_groups}")
  doudi_check_rule_value("${where}" "level" "${level}" "${_levels}")
  doudi_check_rule_value("${where}" "opinion_required" "${opinion}" "${_booleans}")
  if(from IN_LIST _terminal_states)
    message(FATAL_ERROR "${where}: '${from}' is a terminal state and can have no action")
  endif()
  if(NOT order STREQUAL "all" AND NOT order IN_LIST _orders)
    list(APPEND _orders ${order})
  endif()
endforeach()
if(NOT _orders)
  message(FATAL_ERROR "${_transitions_csv}: no row names an order (national, jinjiang, ...)")
endif()

# Each order's rows, `all` rows expanded, in file order; (from, action) unique.
foreach(o IN LISTS _orders)
  set(_rules_${o} "")
  set(_keys "")
  foreach(row line IN ZIP_LISTS RULES_ROWS RULES_LINES)
    doudi_rule_fields("${row}" order from action to group level opinion programs requires)
    if(order STREQUAL o OR order STREQUAL "all")
      if("${from}:${action}" IN_LIST _keys)
        message(FATAL_ERROR "${_transitions_csv}:${line}: a second rule for order '${o}', "
                            "state '${from}', action '${action}'")
      endif()
      list(APPEND _keys "${from}:${action}")
      list(APPEND _rules_${o} "${from}|${action}|${to}|${group}|${level}|${opinion}|${programs}|${requires}")
    endif()
  endforeach()
endforeach()

# --- outputs --------------------------------------------------------------

set(_notice "Generated by cmake/DoudiGenerateWorkflow.cmake from assets/rules/case_*.csv; do not edit.")

# The C++ header.
list(LENGTH _state_codes _n_states)
list(LENGTH _action_codes _n_actions)
list(LENGTH _orders _n_orders)
set(_n_rules 0)
set(_rule_lines "")
foreach(o IN LISTS _orders)
  foreach(rule IN LISTS _rules_${o})
    doudi_rule_fields("${rule}" from action to group level opinion programs requires)
    string(APPEND _rule_lines "    {\"${o}\", \"${from}\", \"${action}\", \"${to}\", \"${group}\", \"${level}\", "
                              "${opinion}, \"${programs}\", \"${requires}\"},\n")
    math(EXPR _n_rules "${_n_rules} + 1")
  endforeach()
endforeach()
set(_state_lines "")
foreach(code IN LISTS _state_codes)
  if(code IN_LIST _terminal_states)
    set(terminal true)
  else()
    set(terminal false)
  endif()
  string(APPEND _state_lines
    "    {\"${code}\", \"${_state_label_${code}}\", ${terminal}, \"${_state_deadline_${code}}\"},\n")
endforeach()
set(_action_lines "")
foreach(code IN LISTS _action_codes)
  string(APPEND _action_lines "    {\"${code}\", \"${_action_label_${code}}\"},\n")
endforeach()
list(TRANSFORM _orders PREPEND "\"" OUTPUT_VARIABLE _order_lines)
list(TRANSFORM _order_lines APPEND "\"")
list(JOIN _order_lines ", " _order_lines)

set(_header "// ${_notice}
// The model reads these through doudi/model/case_workflow.h; include this
// header directly only to build another view of the same table.
#pragma once
#include <array>
#include <string_view>

namespace doudi::model::generated {

struct CaseStateRow {
  std::string_view code;
  std::string_view chinese;
  bool terminal;
  std::string_view deadline;  // a parameter key, or \"none\"
};

struct CaseActionRow {
  std::string_view code;
  std::string_view chinese;
};

// One allowed transition of one order of steps (`all` rows already expanded).
struct CaseTransitionRow {
  std::string_view order;
  std::string_view from;
  std::string_view action;
  std::string_view to;
  std::string_view group;
  std::string_view level;
  bool opinionRequired;
  std::string_view programs;  // \"all\", or program codes joined by '+'
  std::string_view requirement;  // \"none\", or what must be on record first
};

inline constexpr std::array<std::string_view, ${_n_orders}> kStepOrders{{${_order_lines}}};

inline constexpr std::array<CaseStateRow, ${_n_states}> kCaseStates{{
${_state_lines}}};

inline constexpr std::array<CaseActionRow, ${_n_actions}> kCaseActions{{
${_action_lines}}};

// Grouped by order, each order's rows in the file's order.
inline constexpr std::array<CaseTransitionRow, ${_n_rules}> kCaseTransitions{{
${_rule_lines}}};

}  // namespace doudi::model::generated
")

# The SQL seed: re-appliable, one statement list for one transaction.
set(_values "")
foreach(o IN LISTS _orders)
  foreach(rule IN LISTS _rules_${o})
    doudi_rule_fields("${rule}" from action to group level opinion programs requires)
    set(quoted "")
    foreach(v o from action to group level)
      doudi_sql_quote("${${v}}" q)
      list(APPEND quoted "${q}")
    endforeach()
    string(REPLACE ";" ", " quoted "${quoted}")
    if(_values)
      string(APPEND _values ",\n")
    endif()
    doudi_sql_quote("${programs}" q_programs)
    doudi_sql_quote("${requires}" q_requires)
    string(APPEND _values "  (${quoted}, ${opinion}, ${q_programs}, ${q_requires})")
  endforeach()
endforeach()
set(_state_values "")
foreach(code IN LISTS _state_codes)
  if(code IN_LIST _terminal_states)
    set(terminal true)
  else()
    set(terminal false)
  endif()
  doudi_sql_quote("${_state_label_${code}}" q_label)
  doudi_sql_quote("${_state_deadline_${code}}" q_deadline)
  if(_state_values)
    string(APPEND _state_values ",\n")
  endif()
  string(APPEND _state_values "  ('${code}', ${q_label}, ${terminal}, ${q_deadline})")
endforeach()
set(_sql "-- ${_notice}
-- The case states and the allowed transitions for every order of steps.
-- Re-appliable: run it whole, in one transaction, to replace the contents.
DELETE FROM doudi.case_state_rule;
INSERT INTO doudi.case_state_rule (state, chinese, terminal, deadline_key)
VALUES
${_state_values};
DELETE FROM doudi.case_transition_rule;
INSERT INTO doudi.case_transition_rule
  (step_order, from_state, action, to_state, staff_group, level, opinion_required, programs, requires)
VALUES
${_values};
")

# Mermaid state diagrams, one per order, and the docs section around them.
function(_doudi_mermaid order out)
  set(used "applied")
  foreach(rule IN LISTS _rules_${order})
    doudi_rule_fields("${rule}" from action to group level opinion)
    list(APPEND used ${from} ${to})
  endforeach()
  set(text "stateDiagram-v2\n")
  foreach(code IN LISTS _state_codes)
    if(code IN_LIST used)
      string(APPEND text "  state \"${_state_label_${code}} ${code}\" as ${code}\n")
    endif()
  endforeach()
  string(APPEND text "  [*] --> applied\n")
  foreach(rule IN LISTS _rules_${order})
    doudi_rule_fields("${rule}" from action to group level opinion)
    set(label "${_action_label_${action}} ${action} · ${level}")
    if(opinion STREQUAL "true")
      string(APPEND label " · opinion")
    endif()
    string(APPEND text "  ${from} --> ${to} : ${label}\n")
  endforeach()
  foreach(code IN LISTS _terminal_states)
    if(code IN_LIST used)
      string(APPEND text "  ${code} --> [*]\n")
    endif()
  endforeach()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(_begin_marker "<!-- BEGIN GENERATED from assets/rules by `ninja -C build workflow_docs`; do not edit -->")
set(_end_marker "<!-- END GENERATED -->")
set(_section "${_begin_marker}\n")
foreach(o IN LISTS _orders)
  _doudi_mermaid(${o} _mermaid_${o})
  string(APPEND _section "\n#### Order `${o}`\n\n```mermaid\n${_mermaid_${o}}```\n")
endforeach()
string(APPEND _section "\n#### States\n\n| state | 中文 | terminal | deadline parameter |\n|---|---|---|---|\n")
foreach(code IN LISTS _state_codes)
  if(code IN_LIST _terminal_states)
    set(terminal yes)
  else()
    set(terminal "")
  endif()
  set(deadline "${_state_deadline_${code}}")
  if(deadline STREQUAL "none")
    set(deadline "")
  else()
    set(deadline "`${deadline}`")
  endif()
  string(APPEND _section "| `${code}` | ${_state_label_${code}} | ${terminal} | ${deadline} |\n")
endforeach()
string(APPEND _section "\n#### Transitions\n\n"
  "| order | from | action | to | who | level | opinion required | programs | requires |\n"
  "|---|---|---|---|---|---|---|---|---|\n")
foreach(row IN LISTS RULES_ROWS)
  doudi_rule_fields("${row}" order from action to group level opinion programs requires)
  if(requires STREQUAL "none")
    set(requires "")
  endif()
  if(opinion STREQUAL "true")
    set(opinion yes)
  else()
    set(opinion "")
  endif()
  string(APPEND _section "| ${order} | `${from}` | `${action}` ${_action_label_${action}} | `${to}` "
                         "| ${group} | ${level} | ${opinion} | ${programs} | ${requires} |\n")
endforeach()
string(APPEND _section "\n${_end_marker}")

if(MODE STREQUAL "generate")
  doudi_write_if_changed("${OUT_DIR}/doudi/model/case_transitions_table.h" "${_header}")
  doudi_write_if_changed("${OUT_DIR}/case_transitions_seed.sql" "${_sql}")
  foreach(o IN LISTS _orders)
    doudi_write_if_changed("${OUT_DIR}/workflow-${o}.mmd" "${_mermaid_${o}}")
  endforeach()
  doudi_write_if_changed("${OUT_DIR}/workflow.md" "${_section}\n")
endif()
doudi_docs_section(MODE ${MODE} DOCS "${DOCS}" SECTION "${_section}" BEGIN "${_begin_marker}" END "${_end_marker}"
                   TARGET workflow_docs)
