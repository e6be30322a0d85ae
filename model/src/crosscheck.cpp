#include "doudi/model/crosscheck.h"

#include <algorithm>
#include <unordered_map>

#include "doudi/model/household.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/masking.h"
#include "doudi/model/money.h"
#include "doudi/model/region_code.h"
#include "doudi/model/sha256.h"
#include "doudi/model/text.h"

namespace doudi::model {
namespace {

using V = CrosscheckValue;
using T = CrosscheckTarget;

static_assert(TableIsComplete(CrosscheckKind::Schooling));

// Cells holding a code, a number, a date or an ID: their own check says
// what is wrong with a longer value; this only keeps absurd ones out.
constexpr std::size_t kCodedCell = 100;
constexpr std::size_t kNumberLength = 64;       // settlement, receipt and hukou household numbers
constexpr std::size_t kPlateLength = 20;
constexpr std::size_t kInstitutionLength = 100;  // with the account's digest, a key within 200
constexpr std::size_t kCertificateLength = 100;
constexpr std::int64_t kProgressStep = 10'000;
constexpr char kKeySeparator = '|';

// The check characters of GB 32100: 0-9 and A-Z without I, O, S, V, Z.
constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kCreditWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

CrosscheckColumn Column(std::string_view code, std::string_view chinese, V value, bool required, T target,
                        std::size_t maxLength = kCodedCell, std::vector<CrosscheckCode> codes = {}) {
  return {code, chinese, value, required, target, maxLength, std::move(codes)};
}

// Stages of schooling a school is paid for: the registry's codes but none.
std::vector<CrosscheckCode> SchoolingStages() {
  std::vector<CrosscheckCode> codes;
  for (const auto& entry : EnumTexts<Schooling>()) {
    if (entry.value != Schooling::None) codes.push_back({entry.code, entry.chinese});
  }
  return codes;
}

CrosscheckSpec Spec(CrosscheckKind kind, std::vector<CrosscheckColumn> own, std::vector<std::string_view> key) {
  CrosscheckSpec spec{kind,
                      {Column("id_number", "身份证号", V::IdNumber, true, T::IdNumber),
                       Column("name", "姓名", V::Name, true, T::Name, kMaxNameLength),
                       Column("region_code", "区划代码", V::RegionCode, false, T::RegionCode)},
                      {}};
  for (auto& column : own) spec.columns.push_back(std::move(column));
  for (const auto name : key) {
    const auto at = std::find_if(spec.columns.begin(), spec.columns.end(),
                                 [&](const CrosscheckColumn& c) { return c.code == name; });
    spec.rowKey.push_back(static_cast<std::size_t>(at - spec.columns.begin()));
  }
  return spec;
}

const std::vector<CrosscheckSpec>& AllSpecs() {
  static const std::vector<CrosscheckSpec> specs{
      Spec(CrosscheckKind::Medical,
           {Column("settlement_id", "结算单号", V::Text, true, T::Key, kNumberLength),
            Column("visit_date", "就诊日期", V::Date, true, T::EventDate),
            Column("institution", "医疗机构", V::FreeText, true, T::Detail, kInstitutionLength),
            Column("total", "医疗总费用", V::Yuan, true, T::Amount),
            Column("reimbursed", "医保报销", V::Yuan, true, T::Covered),
            Column("self_paid", "个人自付", V::Yuan, true, T::SelfPaid)},
           {"settlement_id"}),
      Spec(CrosscheckKind::Hukou,
           {Column("event", "变动类型", V::Code, true, T::Category, kCodedCell,
                   {{"birth", "出生"}, {"death", "死亡"}, {"move_in", "迁入"}, {"move_out", "迁出"},
                    {"record", "户籍在册"}}),
            Column("event_date", "变动日期", V::Date, true, T::EventDate),
            Column("hukou_household", "户号", V::Text, true, T::Detail, kNumberLength),
            Column("address", "户籍地址", V::FreeText, false, T::Detail, kMaxAddressLength)},
           {"id_number", "event", "event_date"}),
      Spec(CrosscheckKind::Vehicle,
           {Column("plate", "号牌号码", V::Text, true, T::Detail, kPlateLength),
            Column("vehicle_type", "车辆类型", V::Code, true, T::Category, kCodedCell,
                   {{"car", "小型汽车"}, {"truck", "货车"}, {"motorcycle", "摩托车"}, {"tricycle", "三轮车"},
                    {"farm", "农用车"}, {"disability", "残疾人专用车"}, {"other", "其他"}}),
            Column("registered_on", "登记日期", V::Date, true, T::EventDate),
            Column("value", "车辆价值", V::Yuan, false, T::Amount)},
           {"plate"}),
      Spec(CrosscheckKind::Business,
           {Column("credit_code", "统一社会信用代码", V::CreditCode, true, T::Key),
            Column("business_name", "企业名称", V::FreeText, true, T::Detail, kInstitutionLength),
            Column("business_type", "类型", V::Code, true, T::Detail, kCodedCell,
                   {{"individual", "个体工商户"}, {"company", "企业"}, {"cooperative", "农民专业合作社"}}),
            Column("status", "登记状态", V::Code, true, T::Category, kCodedCell,
                   {{"active", "存续"}, {"cancelled", "注销"}, {"revoked", "吊销"}}),
            Column("registered_on", "成立日期", V::Date, true, T::EventDate),
            Column("registered_capital", "注册资本", V::Yuan, false, T::Amount)},
           {"credit_code"}),
      Spec(CrosscheckKind::Deposit,
           {Column("institution", "金融机构", V::FreeText, true, T::Detail, kInstitutionLength),
            Column("account_no", "账号", V::Account, true, T::Detail),
            Column("account_kind", "资产类型", V::Code, true, T::Category, kCodedCell,
                   {{"deposit", "存款"}, {"wealth", "理财"}, {"securities", "证券"}, {"fund", "基金"},
                    {"other", "其他"}}),
            Column("balance", "余额", V::Yuan, true, T::Amount),
            Column("balance_date", "余额日期", V::Date, true, T::EventDate)},
           {"institution", "account_no"}),
      Spec(CrosscheckKind::Property,
           {Column("certificate_no", "不动产权证号", V::Text, true, T::Detail, kCertificateLength),
            Column("address", "坐落", V::FreeText, true, T::Detail, kMaxAddressLength),
            Column("use", "用途", V::Code, true, T::Category, kCodedCell,
                   {{"residential", "住宅"}, {"commercial", "商业"}, {"industrial", "工业"}, {"other", "其他"}}),
            Column("area_m2", "面积", V::Area, false, T::Detail),
            Column("registered_on", "登记日期", V::Date, true, T::EventDate),
            Column("value", "评估价值", V::Yuan, false, T::Amount)},
           {"certificate_no"}),
      Spec(CrosscheckKind::Insurance,
           {Column("insurance_kind", "险种", V::Code, true, T::Category, kCodedCell,
                   {{"pension", "养老金领取"}, {"unemployment", "失业保险金"}, {"employment", "就业参保"}}),
            Column("start_date", "起始日期", V::Date, true, T::EventDate),
            Column("end_date", "终止日期", V::Date, false, T::Detail),
            Column("monthly", "月金额", V::Yuan, true, T::Amount),
            Column("employer", "单位", V::FreeText, false, T::Detail, kInstitutionLength)},
           {"id_number", "insurance_kind", "start_date"}),
      Spec(CrosscheckKind::Schooling,
           {Column("receipt_no", "票据号", V::Text, true, T::Key, kNumberLength),
            Column("stage", "学段", V::Code, true, T::Category, kCodedCell, SchoolingStages()),
            Column("school", "学校", V::FreeText, true, T::Detail, kInstitutionLength),
            Column("amount", "金额", V::Yuan, true, T::Amount),
            Column("paid_on", "缴费日期", V::Date, true, T::EventDate)},
           {"receipt_no"}),
  };
  return specs;
}

std::string UpperAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// One row's cells checked and converted; the problems in the order found.
class RowReader {
 public:
  RowReader(const CrosscheckSpec& spec, const FileRow& row, std::chrono::year_month_day asOf,
            std::chrono::year_month_day today)
      : m_spec(spec), m_line(row.line), m_asOf(asOf), m_today(today), m_failed(spec.columns.size(), false),
        m_values(spec.columns.size()), m_problems(row.readProblems) {
    for (std::size_t c = 0; c < spec.columns.size() && c < row.values.size(); ++c) {
      m_values[c] = std::string(TrimAsciiWhitespace(row.values[c]));
    }
    // A cell the reader already refused ("<column>.<reason>": a workbook's
    // ID stored as a number) is not checked again; a row's problems
    // ("row.<reason>") leave the cells to their checks.
    for (const auto& problem : row.readProblems) {
      for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        if (IsCellProblem(problem, spec.columns[c].code)) m_failed[c] = true;
      }
    }
  }

  std::vector<ImportProblem> Read(CrosscheckRow& out) {
    out.line = m_line;
    for (std::size_t c = 0; c < m_spec.columns.size(); ++c) Cell(c, out);
    CheckRow(out);
    if (m_problems.empty()) {
      out.rowKey = RowKey();
      out.detailJson = DetailJson();
    }
    return std::move(m_problems);
  }

 private:
  void Problem(std::size_t c, std::string_view reason, std::string messageId, std::vector<std::string> args = {}) {
    const std::string code(m_spec.columns[c].code);
    m_problems.push_back(MakeImportProblem(m_line, code, code + "." + std::string(reason), std::move(messageId),
                                           std::move(args)));
    m_failed[c] = true;
  }

  std::optional<std::int64_t> Hundredths(std::size_t c, std::int64_t limit, std::string_view malformed,
                                         std::string_view tooLarge) {
    const auto& column = m_spec.columns[c];
    const std::string& text = m_values[c];
    const auto money = Money::ParseYuan(text);
    if (!money) {
      Problem(c, "malformed", std::string(malformed), {text});
    } else if (money->Fen() < 0) {
      Problem(c, "negative", "{1} cannot be negative", {std::string(column.code)});
    } else if (money->Fen() > limit) {
      Problem(c, "too_large", std::string(tooLarge), {std::string(column.code), Money::FromFen(limit).ToYuanString()});
    } else {
      return money->Fen();
    }
    return std::nullopt;
  }

  void Cell(std::size_t c, CrosscheckRow& out) {
    const CrosscheckColumn& column = m_spec.columns[c];
    std::string& value = m_values[c];
    if (m_failed[c]) return;
    if (column.value == V::Name) value = NormalizeName(value);
    const TextKind kind = column.value == V::Name       ? TextKind::Name
                          : column.value == V::FreeText ? TextKind::FreeText
                                                        : TextKind::Line;
    if (auto problem = CheckImportCell(m_line, column.code, value, column.maxLength, kind)) {
      m_problems.push_back(std::move(*problem));
      m_failed[c] = true;
      return;
    }
    if (value.empty()) {
      if (column.required) Problem(c, "missing", "{1} must be given on every row", {std::string(column.code)});
      return;
    }
    switch (column.value) {
      case V::IdNumber:
        if (auto problem = CheckImportIdNumber(m_line, column.code, value, m_today)) {
          m_problems.push_back(std::move(*problem));
          m_failed[c] = true;
        }
        break;
      case V::Name:
      case V::Text:
      case V::FreeText:
        // A plate is the same plate in either case (浙j12345 is 浙J12345).
        if (column.code == "plate") value = UpperAscii(value);
        break;
      case V::RegionCode:
        if (!RegionCode::Parse(value)) {
          Problem(c, "malformed", "'{1}' is not a 12-digit statistical region code", {value});
        }
        break;
      case V::Date:
        if (const auto date = ParseCrosscheckDate(value)) {
          value = IsoDate(*date);
          if (column.target == T::EventDate && *date > m_asOf) {
            Problem(c, "after_as_of", "{1} {2} is after the date the data is of ({3}, --as-of)",
                    {std::string(column.code), value, IsoDate(m_asOf)});
          }
          if (column.target == T::EventDate) out.eventDate = *date;
        } else {
          Problem(c, "malformed", "'{1}' is not a date (YYYY-MM-DD)", {value});
        }
        break;
      case V::Yuan:
        if (const auto fen = Hundredths(c, kMaxAssetValue.Fen(),
                                        "'{1}' is not an amount in yuan with at most two decimals",
                                        "{1} is at most {2} yuan")) {
          value = Money::FromFen(*fen).ToYuanString();
          (column.target == T::Amount ? out.amountFen : column.target == T::Covered ? out.coveredFen : out.selfPaidFen) =
              *fen;
        }
        break;
      case V::Area:
        if (const auto hundredths = Hundredths(c, kMaxCrosscheckAreaHundredths,
                                               "'{1}' is not an area in square metres with at most two decimals",
                                               "{1} is at most {2} square metres")) {
          value = Money::FromFen(*hundredths).ToYuanString();
        }
        break;
      case V::Code: {
        const auto found = std::find_if(column.codes.begin(), column.codes.end(), [&](const CrosscheckCode& code) {
          return EqualsIgnoringAsciiCase(value, code.code) || value == code.chinese;
        });
        if (found == column.codes.end()) {
          Problem(c, "unknown", "'{1}' is not one of the accepted values for {2} (see docs/crosscheck-format.md)",
                  {value, std::string(column.code)});
        } else {
          value = std::string(found->code);
        }
        break;
      }
      case V::Account:
        if (value.size() < 4 || value.size() > 40 ||
            !std::all_of(value.begin(), value.end(), [](char ch) {
              return IsAsciiDigit(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
            })) {
          Problem(c, "malformed", "an account number has 4 to 40 letters and digits");
        } else {
          value = UpperAscii(value);
        }
        break;
      case V::CreditCode:
        value = UpperAscii(value);
        if (!IsValidCreditCode(value)) {
          Problem(c, "malformed",
                  "'{1}' is not a unified social credit code (18 characters, the last its check character)", {value});
        }
        break;
    }
    if (m_failed[c]) return;
    switch (column.target) {
      case T::IdNumber: out.idNumber = value; break;
      case T::Name: out.name = value; break;
      case T::RegionCode: out.regionCode = value; break;
      case T::Category: out.category = value; break;
      default: break;
    }
  }

  std::optional<std::size_t> Find(std::string_view code) const {
    for (std::size_t c = 0; c < m_spec.columns.size(); ++c) {
      if (m_spec.columns[c].code == code) return c;
    }
    return std::nullopt;
  }

  void CheckRow(const CrosscheckRow& out) {
    const auto total = Find("total");
    if (total && !m_failed[*total] && out.amountFen && out.coveredFen && out.selfPaidFen &&
        *out.amountFen != *out.coveredFen + *out.selfPaidFen) {
      Problem(*total, "sum_mismatch", "the total {1} is not reimbursed {2} plus self-paid {3}",
              {m_values[*total], m_values[*Find("reimbursed")], m_values[*Find("self_paid")]});
    }
    const auto start = Find("start_date");
    const auto end = Find("end_date");
    if (start && end && !m_failed[*start] && !m_failed[*end] && !m_values[*end].empty() &&
        m_values[*end] < m_values[*start]) {
      Problem(*end, "before_start", "the end date {1} is before the start date {2}",
              {m_values[*end], m_values[*start]});
    }
  }

  std::string RowKey() const {
    std::string key;
    for (const std::size_t c : m_spec.rowKey) {
      if (!key.empty()) key += kKeySeparator;
      // An account number is kept out of the database: its digest stands for it.
      key += m_spec.columns[c].value == V::Account ? Sha256Hex(m_values[c]) : m_values[c];
    }
    return key;
  }

  std::string DetailJson() const {
    std::string json = "{";
    for (std::size_t c = 0; c < m_spec.columns.size(); ++c) {
      const auto& column = m_spec.columns[c];
      if (column.target != T::Detail || m_values[c].empty()) continue;
      if (json.size() > 1) json += ',';
      json += JsonString(column.code) + ':';
      if (column.value == V::Area) {
        json += m_values[c];
      } else {
        json += JsonString(column.value == V::Account ? MaskBankAccount(m_values[c]) : m_values[c]);
      }
    }
    return json + '}';
  }

  const CrosscheckSpec& m_spec;
  std::int64_t m_line;
  std::chrono::year_month_day m_asOf;
  std::chrono::year_month_day m_today;
  std::vector<bool> m_failed;
  std::vector<std::string> m_values;
  std::vector<ImportProblem> m_problems;
};

// Every line whose key another line has too, with all those lines.
void RejectDuplicateKeys(const CrosscheckSpec& spec, std::vector<std::pair<CrosscheckRow, bool>>& checked,
                         std::vector<ImportProblem>& problems) {
  std::unordered_map<std::string, std::vector<std::size_t>> byKey;
  for (std::size_t i = 0; i < checked.size(); ++i) {
    if (checked[i].second) byKey[checked[i].first.rowKey].push_back(i);
  }
  const std::string column = RowKeyColumn(spec);
  for (const auto& [key, indexes] : byKey) {
    if (indexes.size() < 2) continue;
    std::vector<std::string> lines;
    for (const std::size_t i : indexes) lines.push_back(std::to_string(checked[i].first.line));
    const std::string joined = Join(lines, ", ");
    for (const std::size_t i : indexes) {
      problems.push_back(MakeImportProblem(checked[i].first.line, column, "row_key.duplicate_in_file",
                                           "the same {1} is on lines {2}", {column, joined}));
      checked[i].second = false;
    }
  }
}

}  // namespace

std::optional<CrosscheckKind> ParseCrosscheckKind(std::string_view text) { return ParseEnum<CrosscheckKind>(text); }

std::span<const CrosscheckSpec> CrosscheckSpecs() { return AllSpecs(); }

const CrosscheckSpec& SpecOf(CrosscheckKind kind) { return AllSpecs()[static_cast<std::size_t>(kind)]; }

std::string RowKeyColumn(const CrosscheckSpec& spec) {
  std::vector<std::string> names;
  for (const std::size_t c : spec.rowKey) names.emplace_back(spec.columns[c].code);
  return Join(names, "+");
}

CrosscheckReading ReadCrosscheckRows(CrosscheckKind kind, std::span<const FileRow> rows,
                                     std::chrono::year_month_day asOf, std::chrono::year_month_day today,
                                     const std::function<void(std::int64_t)>& onChecked) {
  const CrosscheckSpec& spec = SpecOf(kind);
  CrosscheckReading reading;
  std::vector<std::pair<CrosscheckRow, bool>> checked;  // the row, and whether it has no problem
  checked.reserve(rows.size());
  for (const FileRow& row : rows) {
    CrosscheckRow out;
    auto problems = RowReader(spec, row, asOf, today).Read(out);
    checked.emplace_back(std::move(out), problems.empty());
    reading.problems.insert(reading.problems.end(), std::make_move_iterator(problems.begin()),
                            std::make_move_iterator(problems.end()));
    if (onChecked && checked.size() % kProgressStep == 0) onChecked(static_cast<std::int64_t>(checked.size()));
  }
  RejectDuplicateKeys(spec, checked, reading.problems);
  std::stable_sort(reading.problems.begin(), reading.problems.end(),
                   [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
  reading.rowsRead = static_cast<std::int64_t>(checked.size());
  for (auto& [row, good] : checked) {
    if (good) {
      reading.rows.push_back(std::move(row));
    } else {
      ++reading.rowsRejected;
    }
  }
  if (onChecked) onChecked(reading.rowsRead);
  return reading;
}

char CreditCodeCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const auto at = kCreditAlphabet.find(first17[i]);
    if (at == std::string_view::npos) return '?';
    sum += static_cast<int>(at) * kCreditWeights[i];
  }
  return kCreditAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

bool IsValidCreditCode(std::string_view text) {
  return text.size() == 18 && CreditCodeCheckCharacter(text.substr(0, 17)) == text[17];
}

std::optional<std::chrono::year_month_day> ParseCrosscheckDate(std::string_view text) {
  if (auto iso = ParseIsoDate(text)) return iso->year() >= std::chrono::year{1900} ? iso : std::nullopt;
  int parts[3] = {0, 0, 0};
  if (text.size() == 8 && IsAsciiDigits(text)) {
    parts[0] = std::stoi(std::string(text.substr(0, 4)));
    parts[1] = std::stoi(std::string(text.substr(4, 2)));
    parts[2] = std::stoi(std::string(text.substr(6, 2)));
  } else {
    const auto pieces = Split(text, '/');
    if (pieces.size() != 3 || pieces[0].size() != 4) return std::nullopt;
    for (std::size_t i = 0; i < 3; ++i) {
      if (!IsAsciiDigits(pieces[i]) || (i > 0 && pieces[i].size() > 2)) return std::nullopt;
      parts[i] = std::stoi(pieces[i]);
    }
  }
  const std::chrono::year_month_day date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                         std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok() || date.year() < std::chrono::year{1900}) return std::nullopt;
  return date;
}

}  // namespace doudi::model
