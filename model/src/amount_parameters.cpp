#include "doudi/model/amount_parameters.h"

#include <array>
#include <charconv>
#include <cstdint>

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/text.h"

namespace doudi::model {

namespace {

constexpr std::array<ParameterKey, 5> kDibaoKeys{{{"dibao", "standard_per_person"},
                                                  {"dibao", "method"},
                                                  {"dibao", "tiers"},
                                                  {"dibao", "gap_rounding"},
                                                  {"dibao", "minimum_per_household"}}};
constexpr std::array<ParameterKey, 4> kDestituteKeys{{{"destitute", "destitute_basic"},
                                                      {"destitute", "destitute_care_able"},
                                                      {"destitute", "destitute_care_partial"},
                                                      {"destitute", "destitute_care_full"}}};
constexpr std::array<ParameterKey, 1> kTemporaryKeys{{{"temporary", "temporary_cap"}}};

// A whole number of fen ("108000").
std::optional<Money> FenFrom(std::string_view text) {
  const auto fen = ParseParameterNumber(text);
  return fen ? std::optional(Money::FromFen(*fen)) : std::nullopt;
}

// Reads the parameters of one program, collecting every issue at once.
class Reader {
 public:
  Reader(const ParameterValues& values, std::string_view program) : m_values(values), m_program(program) {}

  // The value in force, or nullopt; a required one without a value is an issue.
  std::optional<std::string_view> Text(std::string_view key, bool required) {
    const auto it = m_values.find(Name(key));
    if (it != m_values.end()) return std::string_view(it->second);
    if (required) {
      Issue(key, "missing", catalog::Format("No value of the parameter {1} is in force here.", {Name(key)}));
    }
    return std::nullopt;
  }

  // A fen amount; fallback when absent and not required.
  std::optional<Money> Fen(std::string_view key, std::optional<Money> fallback) {
    const auto text = Text(key, !fallback.has_value());
    if (!text) return fallback;
    if (auto fen = FenFrom(*text)) return fen;
    Issue(key, "not_a_number",
          catalog::Format("The parameter {1} is not a whole number of fen: {2}", {Name(key), *text}));
    return std::nullopt;
  }

  // A code of enumeration E; fallback when absent.
  template <DomainEnum E>
  E Code(std::string_view key, E fallback) {
    const auto text = Text(key, false);
    if (!text) return fallback;
    if (const auto value = ParseEnum<E>(*text)) return *value;
    Issue(key, "unknown", catalog::Format("The parameter {1} has a value no rule knows: {2}", {Name(key), *text}));
    return fallback;
  }

  // 分档 tiers: "income_below:amount_per_person" pairs joined by commas.
  std::vector<DibaoTier> Tiers(std::string_view key) {
    std::vector<DibaoTier> tiers;
    const auto text = Text(key, true);
    if (!text) return tiers;
    for (const std::string& pair : Split(*text, ',')) {
      const auto colon = pair.find(':');
      const auto below = colon == std::string::npos ? std::nullopt : FenFrom(std::string_view(pair).substr(0, colon));
      const auto amount = colon == std::string::npos ? std::nullopt : FenFrom(std::string_view(pair).substr(colon + 1));
      if (!below || !amount) {
        Issue(key, "malformed",
              catalog::Format("The parameter {1} lists tiers as income_below:amount_per_person in fen, "
                              "joined by commas: {2}",
                              {Name(key), *text}));
        return {};
      }
      tiers.push_back({*below, *amount});
    }
    return tiers;
  }

  // Validate's issues, named after the program's parameters.
  template <typename Parameters>
  ParameterMapping<Parameters> Finish(const std::optional<Parameters>& parameters) {
    ParameterMapping<Parameters> mapping;
    if (m_issues.empty() && parameters) {
      for (auto issue : Validate(*parameters)) {
        issue.field = JoinField(m_program, issue.field);
        m_issues.push_back(std::move(issue));
      }
    }
    if (m_issues.empty()) mapping.parameters = parameters;
    mapping.issues = std::move(m_issues);
    return mapping;
  }

 private:
  std::string Name(std::string_view key) const { return ParameterName({m_program, key}); }

  void Issue(std::string_view key, std::string_view reason, std::string message) {
    m_issues.push_back({Name(key), std::string(key) + "." + std::string(reason), std::move(message)});
  }

  const ParameterValues& m_values;
  std::string_view m_program;
  ValidationIssues m_issues;
};

}  // namespace

std::optional<std::int64_t> ParseParameterNumber(std::string_view text) {
  text = TrimAsciiWhitespace(text);
  std::int64_t number = 0;
  const char* end = text.data() + text.size();
  const auto [at, error] = std::from_chars(text.data(), end, number);
  if (text.empty() || error != std::errc() || at != end) return std::nullopt;
  return number;
}

std::string ParameterName(const ParameterKey& key) {
  return JoinField(key.program, key.key);
}

std::span<const ParameterKey> AmountParameterKeys(std::string_view program) {
  if (program == "dibao") return kDibaoKeys;
  if (program == "destitute") return kDestituteKeys;
  if (program == "temporary") return kTemporaryKeys;
  return {};
}

ParameterValues AmountParameterValues(
    std::string_view program, const std::function<std::optional<std::string>(const ParameterKey&)>& valueInForce) {
  ParameterValues values;
  for (const auto& key : AmountParameterKeys(program)) {
    if (auto value = valueInForce(key)) values.emplace(ParameterName(key), std::move(*value));
  }
  return values;
}

ParameterMapping<DibaoParameters> DibaoParametersFrom(const ParameterValues& values) {
  Reader read(values, "dibao");
  DibaoParameters p;
  const auto standard = read.Fen("standard_per_person", std::nullopt);
  p.method = read.Code("method", DibaoMethod::Gap);
  if (p.method == DibaoMethod::Tiers) p.tiers = read.Tiers("tiers");
  p.rounding = read.Code("gap_rounding", Rounding::Fen);
  const auto minimum = read.Fen("minimum_per_household", Money());
  if (!standard || !minimum) return read.Finish<DibaoParameters>(std::nullopt);
  p.standardPerPerson = *standard;
  p.minimumPerHousehold = *minimum;
  return read.Finish(std::optional(p));
}

ParameterMapping<DestituteParameters> DestituteParametersFrom(const ParameterValues& values) {
  Reader read(values, "destitute");
  const auto basic = read.Fen("destitute_basic", std::nullopt);
  const std::array care{read.Fen("destitute_care_able", Money()), read.Fen("destitute_care_partial", std::nullopt),
                        read.Fen("destitute_care_full", std::nullopt)};
  if (!basic || !care[0] || !care[1] || !care[2]) return read.Finish<DestituteParameters>(std::nullopt);
  DestituteParameters p;
  p.basicSupportPerMonth = *basic;
  for (std::size_t i = 0; i < care.size(); ++i) p.carePerMonth[i] = *care[i];
  return read.Finish(std::optional(p));
}

ParameterMapping<TemporaryParameters> TemporaryParametersFrom(const ParameterValues& values) {
  Reader read(values, "temporary");
  const auto cap = read.Fen("temporary_cap", std::nullopt);
  if (!cap) return read.Finish<TemporaryParameters>(std::nullopt);
  return read.Finish(std::optional(TemporaryParameters{*cap}));
}

}  // namespace doudi::model
