#pragma once
// From the program parameters in force (docs/parameters.md) to the inputs of
// the benefit rules (doudi/model/benefit.h): the one mapping that every
// computed amount uses — the workstation's amount dialog, the demo's cases —
// and that the database's caps (doudi.case_amount_caps) follow, so that a
// key, a default or a format is decided here only.
//
// 低保 reads `method` (gap 差额 or tiers 分档), `tiers` with the tiered
// method, `gap_rounding` and `minimum_per_household` as well as the
// standard; a key without a row in force takes the default docs/benefits.md
// gives it, and a required key without one is an issue, never a guess.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/benefit.h"
#include "doudi/model/validation.h"

namespace doudi::model {

// One program parameter: its program and key, e.g. dibao, standard_per_person.
struct ParameterKey {
  std::string_view program;
  std::string_view key;

  friend bool operator==(const ParameterKey&, const ParameterKey&) = default;
};

// "dibao.standard_per_person": how the values below and the issues name it.
std::string ParameterName(const ParameterKey& key);

// The parameters the amount of a case of program reads, required or not:
// 低保 (dibao), 特困 (destitute) and 临时救助 (temporary); empty for the other
// programs, whose amounts no rule computes (typed with their reasons).
std::span<const ParameterKey> AmountParameterKeys(std::string_view program);

// A parameter's whole number as the database stores it, without sign or
// separators ("108000" fen, "150" percent); a leading '-' is read, so that a
// check names a negative value rather than calling it no number. nullopt for
// anything else.
std::optional<std::int64_t> ParseParameterNumber(std::string_view text);

// The values in force for a case's region on a day: ParameterName → the
// row's value; a parameter without a row in force is absent.
using ParameterValues = std::map<std::string, std::string>;

// The values of the parameters program's amount reads (AmountParameterKeys),
// each asked of valueInForce, which returns the row's value or nullopt when
// no row is in force (the caller picks region and day).
ParameterValues AmountParameterValues(
    std::string_view program, const std::function<std::optional<std::string>(const ParameterKey&)>& valueInForce);

// A mapping's outcome: the parameters, or the issues that stand in their
// way, each naming the parameter ("dibao.standard_per_person",
// "dibao.tiers[1].income_below") with a code "<key>.missing",
// "<key>.not_a_number", "<key>.unknown" (a code no rule knows), "tiers.malformed"
// or one of Validate's. parameters is set exactly when issues is empty; the
// parameters then pass Validate, so the rules accept them.
template <typename Parameters>
struct ParameterMapping {
  std::optional<Parameters> parameters;
  ValidationIssues issues;
};

// 低保: standard_per_person (fen, required); method (gap when absent); tiers,
// required by the tiered method: "income_below:amount_per_person" pairs in
// fen, joined by commas, ascending ("30000:70000,60000:45000,98000:20000");
// gap_rounding (fen when absent); minimum_per_household (fen, 0 when absent).
ParameterMapping<DibaoParameters> DibaoParametersFrom(const ParameterValues& values);

// 特困: destitute_basic (required), destitute_care_able (0 when absent),
// destitute_care_partial and destitute_care_full (required), all fen.
ParameterMapping<DestituteParameters> DestituteParametersFrom(const ParameterValues& values);

// 临时救助: temporary_cap (fen, required).
ParameterMapping<TemporaryParameters> TemporaryParametersFrom(const ParameterValues& values);

}  // namespace doudi::model
