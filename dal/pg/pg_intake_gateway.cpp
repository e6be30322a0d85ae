// IntakeGateway: doudi-intake's three questions to the database, each on a
// connection of its own from a pool (the server answers on several
// threads). A connection found broken is reconnected and the call tried
// once more: every call is safe to repeat (a report is stored once per
// request id).
#include <libpq-fe.h>
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "doudi/dal/errors.h"
#include "doudi/dal/intake_gateway.h"
#include "doudi/model/text.h"
#include "pg_errors.h"
#include "pg_hex.h"
#include "pg_internal.h"

namespace doudi::dal {

namespace {

using pg::NativeConnection;
using pg::RethrowAsDatabaseError;

}  // namespace

struct IntakeGateway::Impl {
  soci::connection_pool pool;
  std::string connectionString;
  explicit Impl(std::size_t size) : pool(size) {}

  // Runs work on a pooled session; on a broken connection reconnects and
  // runs it once more.
  template <typename Work>
  auto Run(const std::string& context, Work work) -> decltype(work(std::declval<soci::session&>())) {
    soci::session sql(pool);
    for (int attempt = 0;; ++attempt) {
      try {
        return work(sql);
      } catch (...) {
        PGconn* conn = NativeConnection(sql);
        if (attempt == 0 && (conn == nullptr || PQstatus(conn) != CONNECTION_OK)) {
          try {
            sql.reconnect();
            continue;
          } catch (...) {
          }
        }
        RethrowAsDatabaseError(context);
      }
    }
  }
};

IntakeGateway::IntakeGateway(const std::string& connectionString, int poolSize)
    : m_impl(std::make_unique<Impl>(static_cast<std::size_t>(poolSize < 1 ? 1 : poolSize))) {
  m_impl->connectionString = connectionString;
  for (int i = 0; i < (poolSize < 1 ? 1 : poolSize); ++i) {
    try {
      m_impl->pool.at(static_cast<std::size_t>(i)).open(*soci::factory_postgresql(), connectionString);
      PQsetNoticeProcessor(
          NativeConnection(m_impl->pool.at(static_cast<std::size_t>(i))), [](void*, const char*) {}, nullptr);
    } catch (...) {
      try {
        RethrowAsDatabaseError("connecting the intake server to the database");
      } catch (const DatabaseError& e) {
        std::throw_with_nested(ConnectionError(e.what(), e.SqlState()));
      }
    }
  }
}

IntakeGateway::~IntakeGateway() = default;

IntakeReporter IntakeGateway::Reporter(const std::string& token) {
  return m_impl->Run("checking a reporter's token", [&](soci::session& sql) {
    // One call of doudi.intake_reporter: the reporter on every row, one row
    // per village (one row with no village when the region has none).
    IntakeReporter r;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT (j ->> 'token_id')::bigint, j ->> 'name', j #>> '{region,code}',"
                        " coalesce(j #>> '{region,name}', ''), coalesce(j ->> 'expires_on', ''),"
                        " v ->> 'code', v ->> 'name'"
                        " FROM doudi.intake_reporter(:t) AS j"
                        " LEFT JOIN LATERAL jsonb_array_elements(j -> 'villages') WITH ORDINALITY AS e (v, n) ON true"
                        " ORDER BY e.n",
         soci::use(token));
    for (const auto& row : rows) {
      r.tokenId = row.get<long long>(0);
      r.name = row.get<std::string>(1);
      r.regionCode = row.get<std::string>(2);
      r.regionName = row.get<std::string>(3);
      r.expiresOn = row.get<std::string>(4);
      if (row.get_indicator(5) != soci::i_null)
        r.villages.push_back({row.get<std::string>(5), row.get<std::string>(6)});
    }
    return r;
  });
}

namespace {

// The columns ReceiptRow reads from one report object j.
const char* const kReceiptColumns =
    "(j ->> 'id')::bigint, j ->> 'request_id', to_char((j ->> 'received_at')::timestamptz AT TIME ZONE "
    "'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+08:00\"'), j ->> 'name', j ->> 'category', j ->> 'urgency',"
    " j ->> 'state', (j ->> 'photos')::int, coalesce((j ->> 'created')::boolean, false)::int";

IntakeReceipt ReceiptRow(const soci::row& row) {
  IntakeReceipt r;
  r.id = row.get<long long>(0);
  r.requestId = row.get<std::string>(1);
  r.receivedAt = row.get<std::string>(2);
  r.name = row.get<std::string>(3);
  r.category = row.get<std::string>(4);
  r.urgency = row.get<std::string>(5);
  r.state = row.get<std::string>(6);
  r.photos = row.get<int>(7);
  r.created = row.get<int>(8) != 0;
  return r;
}

std::string ReportJson(const IntakeSubmission& s) {
  using model::JsonString;
  std::string j = "{\"name\":" + JsonString(s.name) + ",\"phone\":" + JsonString(s.phone) +
                  ",\"village\":" + JsonString(s.village) + ",\"address\":" + JsonString(s.address) +
                  ",\"category\":" + JsonString(s.category) + ",\"description\":" + JsonString(s.description) +
                  ",\"urgency\":" + JsonString(s.urgency) + ",\"consent\":" + (s.consent ? "true" : "false");
  if (!s.idNumber.empty()) j += ",\"id_number\":" + JsonString(s.idNumber);
  return j + "}";
}

}  // namespace

IntakeReceipt IntakeGateway::Submit(const std::string& token, const IntakeSubmission& report) {
  const std::string json = ReportJson(report);
  std::vector<std::string> photos, types, widths, heights;
  for (const auto& p : report.photos) {
    photos.push_back(pg::HexOf(p.content));
    types.push_back(p.mediaType);
    widths.push_back(std::to_string(p.width));
    heights.push_back(std::to_string(p.height));
  }
  const std::string photoArray = pg::TextArrayLiteral(photos), typeArray = pg::TextArrayLiteral(types),
                    widthArray = pg::TextArrayLiteral(widths), heightArray = pg::TextArrayLiteral(heights);
  return m_impl->Run("storing a field report", [&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + kReceiptColumns +
                            " FROM doudi.intake_submit(:t, CAST(:r AS uuid), CAST(:j AS jsonb),"
                            " ARRAY(SELECT decode(x, 'hex') FROM unnest(CAST(:p AS text[])) WITH ORDINALITY AS u (x, n)"
                            " ORDER BY n), CAST(:m AS text[]), CAST(:w AS integer[]), CAST(:h AS integer[])) AS j",
         soci::use(token), soci::use(report.requestId), soci::use(json), soci::use(photoArray), soci::use(typeArray),
         soci::use(widthArray), soci::use(heightArray));
    IntakeReceipt out;
    for (const auto& row : rows) out = ReceiptRow(row);
    return out;
  });
}

std::vector<IntakeReceipt> IntakeGateway::ReportsOf(const std::string& token) {
  return m_impl->Run("reading a reporter's reports", [&](soci::session& sql) {
    std::vector<IntakeReceipt> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + kReceiptColumns +
                            " FROM jsonb_array_elements(doudi.intake_reports_of(:t)) WITH ORDINALITY AS a (j, n)"
                            " ORDER BY n",
         soci::use(token));
    for (const auto& row : rows) out.push_back(ReceiptRow(row));
    return out;
  });
}

}  // namespace doudi::dal
