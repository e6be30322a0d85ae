#pragma once
// Internal to doudi_case_documents: what the documents print about places and
// the office that issues them — region names from codes, the issuing office
// and the objection bodies from the program parameters, document numbers —
// and the small readers of the data layer's text (dates, lists).
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/program_parameters.h"
#include "doudi/reports/documents.h"

namespace doudi::reports::assembly {

// The regions the caller sees, by code, and the names documents print.
class Places {
 public:
  explicit Places(const std::map<std::string, std::string>& names) : m_names(names) {}

  // The name of a region given by its code or its prefix (6, 9 digits): the
  // database keeps codes padded to 12 digits. "" when not in scope.
  std::string Name(const std::string& code) const;
  // 三门县海游街道悬渚村: the county, township and village names of a code.
  std::string FullName(const std::string& code) const;
  // The county's name; "" when not in scope.
  std::string County(const std::string& code) const;
  // The county's name's first character (三 of 三门县), the head of numbers.
  std::string CountyInitial(const std::string& code) const;

 private:
  const std::map<std::string, std::string>& m_names;
};

// The issuing office and the objection rights in force for a program in a
// region on a date: the issuing_office, administrative_review_days and
// lawsuit_months parameters of the program, else of dibao.
class Issuer {
 public:
  Issuer(dal::ProgramParameters& parameters, const Places& places) : m_parameters(parameters), m_places(places) {}

  // The office's name; the county's 民政局 when no parameter names one.
  // Throws DocumentUnavailable when neither the parameter nor the county is
  // known (a region outside the caller's scope).
  std::string Office(const std::string& program, const std::string& regionCode, std::chrono::year_month_day on);
  // 行政复议 to the county's 人民政府, 行政诉讼 to its 人民法院, in the periods
  // the parameters set.
  ObjectionRights Rights(const std::string& program, const std::string& regionCode, std::chrono::year_month_day on);

 private:
  std::optional<std::string> Value(const std::string& program, const std::string& regionCode, const std::string& key,
                                   const std::string& unit, std::chrono::year_month_day on);
  int Period(const std::string& program, const std::string& regionCode, const std::string& key, const std::string& unit,
             std::chrono::year_month_day on);

  dal::ProgramParameters& m_parameters;
  const Places& m_places;
};

// 三民审〔2026〕0042号: the county's initial, 民, the kind's character, the
// year and the id in at least four digits.
std::string DocumentNumber(const Places& places, const std::string& regionCode, const std::string& kind,
                           std::chrono::year_month_day date, std::int64_t id);

// The date of "YYYY-MM-DD..." (a date or a time); nullopt for anything else.
std::optional<std::chrono::year_month_day> ParseDate(const std::string& text);
// The month of "YYYY-MM"; nullopt for anything else.
std::optional<std::chrono::year_month> ParseMonth(const std::string& text);
// text cut at every separator, empty pieces dropped.
std::vector<std::string> Split(const std::string& text, const std::vector<std::string>& separators);
// A month's number in two digits: "07".
std::string TwoDigitMonth(std::chrono::year_month month);

}  // namespace doudi::reports::assembly
