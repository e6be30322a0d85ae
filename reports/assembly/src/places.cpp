#include "places.h"

#include <charconv>
#include <regex>

#include "doudi/model/iso_date.h"
#include "doudi/reports/case_documents.h"

namespace doudi::reports::assembly {

std::string Places::Name(const std::string& code) const {
  std::string padded = code;
  if (padded.size() < 12) padded.append(12 - padded.size(), '0');
  const auto it = m_names.find(padded);
  return it == m_names.end() ? std::string() : it->second;
}

std::string Places::FullName(const std::string& code) const {
  std::string out;
  for (const std::size_t length : {std::size_t{6}, std::size_t{9}, std::size_t{12}}) {
    if (code.size() >= length) out += Name(code.substr(0, length));
  }
  return out.empty() ? Name(code) : out;
}

std::string Places::County(const std::string& code) const {
  return code.size() >= 6 ? Name(code.substr(0, 6)) : "";
}

std::string Places::CountyInitial(const std::string& code) const {
  const std::string county = County(code);
  return county.substr(0, std::min<std::size_t>(3, county.size()));  // one CJK character is 3 bytes of UTF-8
}

std::optional<std::string> Issuer::Value(const std::string& program, const std::string& regionCode,
                                         const std::string& key, const std::string& unit,
                                         std::chrono::year_month_day on) {
  // Programs without rows of their own print what 低保 prints.
  for (const std::string& p : {program, std::string("dibao")}) {
    const auto row = m_parameters.Effective(p, regionCode, key, on);
    if (row && row->unit == unit && !row->value.empty()) return row->value;
  }
  return std::nullopt;
}

std::string Issuer::Office(const std::string& program, const std::string& regionCode, std::chrono::year_month_day on) {
  if (auto office = Value(program, regionCode, "issuing_office", "text", on)) return *office;
  const std::string county = m_places.County(regionCode);
  if (!county.empty()) return county + "民政局";
  // A province's or prefecture's own summary: 浙江省民政厅, 台州市民政局;
  // the municipalities under the centre (北京市 ...) have a 民政局.
  const std::string name = regionCode.size() < 6 ? m_places.Name(regionCode) : std::string();
  if (name.empty())
    throw DocumentUnavailable(DocumentUnavailable::Reason::OutOfScope,
                              "the county of region " + regionCode + " is not in your scope");
  const bool city = name.size() >= 3 && name.compare(name.size() - 3, 3, "市") == 0;
  return name + (regionCode.size() == 2 && !city ? "民政厅" : "民政局");
}

int Issuer::Period(const std::string& program, const std::string& regionCode, const std::string& key,
                   const std::string& unit, std::chrono::year_month_day on) {
  const auto text = Value(program, regionCode, key, unit, on);
  int value = 0;
  if (text) {
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error == std::errc() && end == text->data() + text->size() && value > 0) return value;
  }
  throw DocumentUnavailable(DocumentUnavailable::Reason::NoParameter, "no program parameter " + key + " (" + unit +
                                                                          ") applies to region " + regionCode +
                                                                          ": a center administrator adds it");
}

ObjectionRights Issuer::Rights(const std::string& program, const std::string& regionCode,
                               std::chrono::year_month_day on) {
  const std::string county = m_places.County(regionCode);
  return ObjectionRights{county + "人民政府",
                         Period(program, regionCode, "administrative_review_days", "calendar_days", on),
                         county + "人民法院", Period(program, regionCode, "lawsuit_months", "months", on)};
}

std::string DocumentNumber(const Places& places, const std::string& regionCode, const std::string& kind,
                           std::chrono::year_month_day date, std::int64_t id) {
  std::string digits = std::to_string(id);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return places.CountyInitial(regionCode) + "民" + kind + "〔" + std::to_string(static_cast<int>(date.year())) + "〕" +
         digits + "号";
}

std::optional<std::chrono::year_month_day> ParseDate(const std::string& text) {
  // The data layer's times ("YYYY-MM-DD HH:MM") start with their date.
  return model::ParseIsoDate(std::string_view(text).substr(0, 10));
}

std::optional<std::chrono::year_month> ParseMonth(const std::string& text) {
  static const std::regex kMonth("^([0-9]{4})-(0[1-9]|1[0-2])$");
  std::smatch m;
  if (!std::regex_match(text, m, kMonth)) return std::nullopt;
  return std::chrono::year_month{std::chrono::year{std::stoi(m[1])},
                                 std::chrono::month{static_cast<unsigned>(std::stoi(m[2]))}};
}

std::vector<std::string> Split(const std::string& text, const std::vector<std::string>& separators) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    bool split = false;
    for (const auto& sep : separators) {
      if (text.compare(i, sep.size(), sep) == 0) {
        if (!current.empty()) out.push_back(current);
        current.clear();
        i += sep.size();
        split = true;
        break;
      }
    }
    if (!split) current += text[i++];
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

std::string TwoDigitMonth(std::chrono::year_month month) {
  std::string digits = std::to_string(static_cast<unsigned>(month.month()));
  if (digits.size() < 2) digits.insert(0, "0");
  return digits;
}

}  // namespace doudi::reports::assembly
