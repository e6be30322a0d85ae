#include "doudi/workstation/draft_store.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

#include "doudi/model/hex.h"
#include "doudi/model/iso_date.h"
#include "utf8_path.h"

// The draft file, format version 1: UTF-8 text, one "key=value" per line,
// the value running to the end of the line with "\\", "\n" and "\r" escaped
// (any other backslash sequence makes the file invalid). In this order:
//
//   doudi-draft=1
//   database=<DraftKey::database>
//   household=<id>|new
//   written=<seconds since 1970-01-01 UTC>
//   section=base          the household the edit started from, then
//   section=edited        the household as the form held it, each as:
//     id=, version=, region_code=, address=, phone=, housing=<code>,
//     status=<code>, bank_name=, bank_account=, updated_by=, updated_at=,
//     then records, each opened by an empty "member=", "income=", "asset="
//     or "status_change=" line and followed by its fields with that prefix
//     ("member.name=..."); a member's illnesses are repeated
//     "member.illness=" lines; a member's ID card (a read not yet saved, or
//     the stored one) is an empty "member.card=" line after the member's
//     fields, then "member.card.<field>=" lines (id_number, ethnicity,
//     authority, valid_from, valid_until, empty for 长期, fresh 0|1,
//     photo in lowercase hex, read_at); amounts are in fen; enumerations
//     are their stable codes; ids are empty when not set; dates YYYY-MM-DD.
//   end=                  the last line: a file without it is incomplete
//
// Unknown keys, bad numbers or codes, or a missing end make the whole file
// invalid: a draft is restored completely or not at all.

namespace doudi::workstation {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "doudi-draft";
constexpr std::uintmax_t kMaxDraftBytes = 4u << 20;  // far above any real household

void AppendEscaped(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

std::optional<std::string> Unescaped(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\') {
      out += value[i];
      continue;
    }
    if (++i == value.size()) return std::nullopt;
    switch (value[i]) {
      case '\\':
        out += '\\';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

class Writer {
 public:
  void Line(std::string_view key, std::string_view value) {
    m_text += key;
    m_text += '=';
    AppendEscaped(m_text, value);
    m_text += '\n';
  }
  template <typename Integer>
  void Number(std::string_view key, Integer value) {
    Line(key, std::to_string(value));
  }
  void Id(std::string_view key, const std::optional<std::int64_t>& id) { Line(key, id ? std::to_string(*id) : ""); }
  template <model::DomainEnum E>
  void Code(std::string_view key, E value) {
    Line(key, model::EnumCode(value));
  }

  // A member's card: a fresh read with its photo (recorded with the save
  // the draft is restored into), or the stored one as loaded.
  void Card(const model::IdCardFacts& card) {
    Line("member.card", "");
    Line("member.card.id_number", card.idNumber);
    Line("member.card.ethnicity", card.ethnicityCode);
    Line("member.card.authority", card.authority);
    Line("member.card.valid_from", model::IsoDate(card.validFrom));
    Line("member.card.valid_until", card.validUntil ? model::IsoDate(*card.validUntil) : std::string());
    Line("member.card.fresh", card.fresh ? "1" : "0");
    Line("member.card.photo", model::HexOf(card.photo));
    Line("member.card.read_at", card.readAt);
  }

  void Household(const model::Household& h) {
    Id("id", h.id);
    Number("version", h.version);
    Line("region_code", h.regionCode);
    Line("address", h.address);
    Line("phone", h.phone);
    Code("housing", h.housing);
    Code("status", h.status);
    Line("bank_name", h.bankName);
    Line("bank_account", h.bankAccount);
    Line("updated_by", h.updatedBy);
    Line("updated_at", h.updatedAt);
    for (const auto& p : h.members) {
      Line("member", "");
      Id("member.id", p.id);
      Line("member.id_number", p.idNumber);
      Line("member.name", p.name);
      Code("member.relation", p.relation);
      Code("member.disability", p.disability);
      Number("member.disability_grade", p.disabilityGrade);
      for (const auto& illness : p.illnesses) Line("member.illness", illness);
      Code("member.schooling", p.schooling);
      Code("member.employment", p.employment);
      Code("member.work_ability", p.workAbility);
      if (p.card) Card(*p.card);
    }
    for (const auto& item : h.incomes) {
      Line("income", "");
      Id("income.id", item.id);
      Code("income.kind", item.kind);
      Number("income.monthly_fen", item.monthly.Fen());
      Line("income.member_id_number", item.memberIdNumber);
      Line("income.note", item.note);
    }
    for (const auto& asset : h.assets) {
      Line("asset", "");
      Id("asset.id", asset.id);
      Code("asset.kind", asset.kind);
      Line("asset.description", asset.description);
      Number("asset.value_fen", asset.value.Fen());
    }
    for (const auto& change : h.statusHistory) {
      Line("status_change", "");
      Code("status_change.status", change.status);
      Line("status_change.since", model::IsoDate(change.since));
      Line("status_change.reason", change.reason);
      Line("status_change.changed_by", change.changedBy);
    }
  }

  std::string Take() { return std::move(m_text); }

 private:
  std::string m_text;
};

template <typename Integer>
std::optional<Integer> ParseInteger(std::string_view text) {
  Integer value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// Sets id from text ("" = none); false when text is no id.
bool ParseId(std::string_view text, std::optional<std::int64_t>& id) {
  if (text.empty()) {
    id.reset();
    return true;
  }
  const auto value = ParseInteger<std::int64_t>(text);
  if (!value) return false;
  id = *value;
  return true;
}

template <model::DomainEnum E>
bool ParseCode(std::string_view text, E& value) {
  for (const auto& entry : model::EnumTexts<E>()) {
    if (entry.code == text) {
      value = entry.value;
      return true;
    }
  }
  return false;
}

bool ParseDate(std::string_view text, std::chrono::year_month_day& date) {
  const auto parsed = model::ParseIsoDate(text);
  if (parsed) date = *parsed;
  return parsed.has_value();
}

// A member's card line ("member.card.<field>"); false when bad.
bool ApplyCardLine(model::IdCardFacts& card, std::string_view field, const std::string& value) {
  if (field == "id_number") {
    card.idNumber = value;
    return true;
  }
  if (field == "ethnicity") {
    card.ethnicityCode = value;
    return true;
  }
  if (field == "authority") {
    card.authority = value;
    return true;
  }
  if (field == "valid_from") return ParseDate(value, card.validFrom);
  if (field == "valid_until") {
    if (value.empty()) {
      card.validUntil.reset();
      return true;
    }
    return ParseDate(value, card.validUntil.emplace());
  }
  if (field == "fresh") {
    card.fresh = value == "1";
    return value == "0" || value == "1";
  }
  if (field == "photo") {
    const auto bytes = model::BytesOfHex(value);
    if (bytes) card.photo = *bytes;
    return bytes.has_value();
  }
  if (field == "read_at") {
    card.readAt = value;
    return true;
  }
  return false;
}

// Applies one line of a household section to h; false when the line is not
// one of the format's or its value is bad.
bool ApplyHouseholdLine(model::Household& h, std::string_view key, const std::string& value) {
  if (key == "id") return ParseId(value, h.id);
  if (key == "version") {
    const auto version = ParseInteger<std::int32_t>(value);
    if (version) h.version = *version;
    return version.has_value();
  }
  const std::pair<std::string_view, std::string model::Household::*> texts[] = {
      {"region_code", &model::Household::regionCode},
      {"address", &model::Household::address},
      {"phone", &model::Household::phone},
      {"bank_name", &model::Household::bankName},
      {"bank_account", &model::Household::bankAccount},
      {"updated_by", &model::Household::updatedBy},
      {"updated_at", &model::Household::updatedAt}};
  for (const auto& [name, member] : texts) {
    if (key == name) {
      h.*member = value;
      return true;
    }
  }
  if (key == "housing") return ParseCode(value, h.housing);
  if (key == "status") return ParseCode(value, h.status);

  if (key == "member") {
    h.members.emplace_back();
    return value.empty();
  }
  if (key == "income") {
    h.incomes.emplace_back();
    return value.empty();
  }
  if (key == "asset") {
    h.assets.emplace_back();
    return value.empty();
  }
  if (key == "status_change") {
    h.statusHistory.emplace_back();
    return value.empty();
  }

  if (key.starts_with("member.")) {
    if (h.members.empty()) return false;
    model::Person& p = h.members.back();
    const std::string_view field = key.substr(7);
    if (field == "id") return ParseId(value, p.id);
    if (field == "id_number") {
      p.idNumber = value;
      return true;
    }
    if (field == "name") {
      p.name = value;
      return true;
    }
    if (field == "relation") return ParseCode(value, p.relation);
    if (field == "disability") return ParseCode(value, p.disability);
    if (field == "disability_grade") {
      const auto grade = ParseInteger<int>(value);
      if (grade) p.disabilityGrade = *grade;
      return grade.has_value();
    }
    if (field == "illness") {
      p.illnesses.push_back(value);
      return true;
    }
    if (field == "schooling") return ParseCode(value, p.schooling);
    if (field == "employment") return ParseCode(value, p.employment);
    if (field == "work_ability") return ParseCode(value, p.workAbility);
    if (field == "card") {
      p.card.emplace();
      return value.empty();
    }
    if (field.starts_with("card.")) return p.card && ApplyCardLine(*p.card, field.substr(5), value);
    return false;
  }
  if (key.starts_with("income.")) {
    if (h.incomes.empty()) return false;
    model::IncomeItem& item = h.incomes.back();
    const std::string_view field = key.substr(7);
    if (field == "id") return ParseId(value, item.id);
    if (field == "kind") return ParseCode(value, item.kind);
    if (field == "monthly_fen") {
      const auto fen = ParseInteger<std::int64_t>(value);
      if (fen) item.monthly = model::Money::FromFen(*fen);
      return fen.has_value();
    }
    if (field == "member_id_number") {
      item.memberIdNumber = value;
      return true;
    }
    if (field == "note") {
      item.note = value;
      return true;
    }
    return false;
  }
  if (key.starts_with("asset.")) {
    if (h.assets.empty()) return false;
    model::Asset& asset = h.assets.back();
    const std::string_view field = key.substr(6);
    if (field == "id") return ParseId(value, asset.id);
    if (field == "kind") return ParseCode(value, asset.kind);
    if (field == "description") {
      asset.description = value;
      return true;
    }
    if (field == "value_fen") {
      const auto fen = ParseInteger<std::int64_t>(value);
      if (fen) asset.value = model::Money::FromFen(*fen);
      return fen.has_value();
    }
    return false;
  }
  if (key.starts_with("status_change.")) {
    if (h.statusHistory.empty()) return false;
    model::RegistryStatusChange& change = h.statusHistory.back();
    const std::string_view field = key.substr(14);
    if (field == "status") return ParseCode(value, change.status);
    if (field == "since") return ParseDate(value, change.since);
    if (field == "reason") {
      change.reason = value;
      return true;
    }
    if (field == "changed_by") {
      change.changedBy = value;
      return true;
    }
    return false;
  }
  return false;
}

std::string HouseholdText(const std::optional<std::int64_t>& id) {
  return id ? std::to_string(*id) : std::string("new");
}

// FNV-1a: a stable, platform-independent name for a key's file. The key
// itself is in the file and checked, so a collision is never a wrong draft.
std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string Hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string DatabaseIdentity(std::string_view connectionString, std::string_view database, std::string_view role) {
  std::string host;
  std::string hostaddr;
  std::string port;
  const auto keep = [&](std::string_view key, std::string value) {
    if (key == "host") host = std::move(value);
    if (key == "hostaddr") hostaddr = std::move(value);
    if (key == "port") port = std::move(value);
  };
  const std::string_view s = connectionString;
  std::string_view uri;
  for (const std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (s.starts_with(scheme)) uri = s.substr(scheme.size());
  }
  if (!uri.empty()) {
    // postgresql://[user[:password]@][host][:port][,...][/dbname][?param=value&...]
    std::string_view authority = uri.substr(0, uri.find_first_of("/?"));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
    host = std::string(authority);
    if (const auto query = uri.find('?'); query != std::string_view::npos) {
      std::string_view params = uri.substr(query + 1);
      while (!params.empty()) {
        const std::string_view param = params.substr(0, params.find('&'));
        params.remove_prefix(std::min(params.size(), param.size() + 1));
        const auto equals = param.find('=');
        if (equals != std::string_view::npos) keep(param.substr(0, equals), std::string(param.substr(equals + 1)));
      }
    }
  } else {
    // key = value ..., a value optionally single-quoted, backslash escaping.
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && IsSpace(s[i])) ++i;
      const std::size_t keyStart = i;
      while (i < s.size() && s[i] != '=' && !IsSpace(s[i])) ++i;
      const std::string_view key = s.substr(keyStart, i - keyStart);
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (key.empty() || i >= s.size() || s[i] != '=') break;  // malformed: keep what was read
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      std::string value;
      if (i < s.size() && s[i] == '\'') {
        for (++i; i < s.size() && s[i] != '\''; ++i) {
          if (s[i] == '\\' && i + 1 < s.size()) ++i;
          value += s[i];
        }
        ++i;
      } else {
        for (; i < s.size() && !IsSpace(s[i]); ++i) {
          if (s[i] == '\\' && i + 1 < s.size()) ++i;
          value += s[i];
        }
      }
      keep(key, std::move(value));
    }
  }
  std::string identity = "host=" + host;
  if (!hostaddr.empty()) identity += " hostaddr=" + hostaddr;
  identity += " port=" + port;
  identity += " dbname=";
  identity += database;
  identity += " user=";
  identity += role;
  return identity;
}

std::string SerializeDraft(const DraftKey& key, const Draft& draft) {
  Writer w;
  w.Number(kMagic, DraftStore::kFormatVersion);
  w.Line("database", key.database);
  w.Line("household", HouseholdText(key.householdId));
  w.Number("written", std::chrono::duration_cast<std::chrono::seconds>(draft.writtenAt.time_since_epoch()).count());
  w.Line("section", "base");
  w.Household(draft.base);
  w.Line("section", "edited");
  w.Household(draft.edited);
  w.Line("end", "");
  return w.Take();
}

std::optional<Draft> ParseDraft(std::string_view text, const DraftKey& key) {
  std::vector<std::pair<std::string_view, std::string>> lines;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;  // every line ends, the last one too
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline + 1);
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    auto value = Unescaped(line.substr(equals + 1));
    if (!value) return std::nullopt;
    lines.emplace_back(line.substr(0, equals), std::move(*value));
  }
  // Header, two sections, end.
  if (lines.size() < 7) return std::nullopt;
  if (lines[0].first != kMagic || lines[0].second != std::to_string(DraftStore::kFormatVersion)) return std::nullopt;
  if (lines[1].first != "database" || lines[1].second != key.database) return std::nullopt;
  if (lines[2].first != "household" || lines[2].second != HouseholdText(key.householdId)) return std::nullopt;
  if (lines[3].first != "written") return std::nullopt;
  const auto seconds = ParseInteger<std::int64_t>(lines[3].second);
  if (!seconds) return std::nullopt;
  if (lines.back().first != "end" || !lines.back().second.empty()) return std::nullopt;

  Draft draft;
  draft.writtenAt = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::seconds(*seconds)));
  model::Household* current = nullptr;
  bool sawBase = false;
  bool sawEdited = false;
  for (std::size_t i = 4; i + 1 < lines.size(); ++i) {
    const auto& [name, value] = lines[i];
    if (name == "section") {
      if (value == "base" && !sawBase && !sawEdited) {
        sawBase = true;
        current = &draft.base;
      } else if (value == "edited" && sawBase && !sawEdited) {
        sawEdited = true;
        current = &draft.edited;
      } else {
        return std::nullopt;
      }
      continue;
    }
    if (current == nullptr || !ApplyHouseholdLine(*current, name, value)) return std::nullopt;
  }
  if (!sawEdited) return std::nullopt;
  return draft;
}

DraftStore::DraftStore(fs::path directory) : m_directory(std::move(directory)) {}

fs::path DraftStore::PathOf(const DraftKey& key) const {
  return m_directory / (Hex(Fnv1a(key.database)) + "-" + HouseholdText(key.householdId) + ".draft");
}

void DraftStore::Save(const DraftKey& key, const model::Household& base, const model::Household& edited) {
  // Owner only: the directory 0700 (also one that existed with wider
  // permissions), each file 0600, set before any content is written; inside
  // the 0700 directory no one else can open a file even before its chmod.
  // On Windows std::filesystem::permissions only sets or clears the
  // read-only attribute; there the per-user profile's ACL (AppData is
  // readable by the user, SYSTEM and administrators only) restricts them.
  fs::create_directories(m_directory);
  if ((fs::status(m_directory).permissions() & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
    fs::permissions(m_directory, fs::perms::owner_all, fs::perm_options::replace);
  }

  const Draft draft{base, edited, std::chrono::system_clock::now()};
  const std::string text = SerializeDraft(key, draft);
  const fs::path target = PathOf(key);
  // A name of its own per write, so two windows or programs never share one.
  std::random_device random;
  fs::path temporary = target;
  temporary += ".tmp-" + Hex((static_cast<std::uint64_t>(random()) << 32) ^ random());
  const auto fail = [&](const std::string& what) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw std::runtime_error(what + " " + admin::PathToUtf8(temporary));
  };
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) fail("cannot create");
    std::error_code error;
    fs::permissions(temporary, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, error);
    if (error) fail("cannot restrict the permissions of");
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) fail("cannot write");
  }
  // Atomic on POSIX and on NTFS (std::filesystem::rename replaces an
  // existing file on both). Without an fsync the draft survives the
  // program's crash or kill, which is what it is for, not a power cut.
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw fs::filesystem_error("cannot replace the draft", temporary, target, error);
  }
}

std::optional<Draft> DraftStore::Load(const DraftKey& key) const {
  try {
    const fs::path path = PathOf(key);
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error || size > kMaxDraftBytes) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) return std::nullopt;
    return ParseDraft(text, key);
  } catch (const std::exception&) {
    return std::nullopt;  // e.g. out of memory: no draft, the form still opens
  }
}

bool DraftStore::Discard(const DraftKey& key) const {
  std::error_code error;
  return fs::remove(PathOf(key), error) && !error;
}

}  // namespace doudi::workstation
