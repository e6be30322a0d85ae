#include <memory>

#include "doudi/dal/errors.h"
#include "doudi/dal/user_directory.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

class PgUserDirectory final : public UserDirectory {
 public:
  explicit PgUserDirectory(soci::session& sql) : m_sql(sql) {}

  std::vector<UserAccount> List() override {
    return ReadRows("listing users",
                    (m_sql.prepare << "SELECT role_name, display_name, group_role, region_scope, department, "
                                      "disabled::int, coalesce(can_login, false)::int, "
                                      "to_char(created_at, 'YYYY-MM-DD HH24:MI'), created_by "
                                      "FROM doudi.app_user_list ORDER BY role_name"),
                    [](const soci::row& r) {
                      UserAccount u;
                      u.roleName = r.get<std::string>(0);
                      u.displayName = r.get<std::string>(1);
                      u.group = model::ParseStaffGroup(r.get<std::string>(2)).value_or(model::StaffGroup::Auditor);
                      u.regionScope = r.get<std::string>(3);
                      u.department = r.get<std::string>(4);
                      u.disabled = r.get<int>(5) != 0;
                      u.canLogin = r.get<int>(6) != 0;
                      u.createdAt = r.get<std::string>(7);
                      u.createdBy = r.get<std::string>(8);
                      return u;
                    });
  }

  void Add(const UserAccount& a, const std::string& password) override {
    try {
      const std::string verifier = ScramVerifier(m_sql, a.roleName, password);
      const std::string group(model::ToCode(a.group));
      const std::string display = a.displayName.empty() ? a.roleName : a.displayName;
      soci::transaction tr(m_sql);
      m_sql << "SELECT doudi.user_add(:r, :d, :g, :s, :dep, :v)", soci::use(a.roleName), soci::use(display),
          soci::use(group), soci::use(a.regionScope), soci::use(a.department), soci::use(verifier);
      tr.commit();
    } catch (...) {
      RethrowAsDatabaseError("adding user " + a.roleName);
    }
  }

  void SetEnabled(const std::string& roleName, bool enabled) override {
    const int flag = enabled ? 1 : 0;
    Call("SELECT doudi.user_set_enabled(:r, CAST(:e AS integer) <> 0)", roleName, flag,
         (enabled ? "enabling user " : "disabling user ") + roleName);
  }

  void SetScope(const std::string& roleName, const std::string& regionScope) override {
    Call("SELECT doudi.user_set_scope(:r, :s)", roleName, regionScope, "changing the scope of user " + roleName);
  }

  void SetGroup(const std::string& roleName, model::StaffGroup group, const std::string& department,
                const std::string& newScope) override {
    try {
      const std::string code(model::ToCode(group));
      soci::transaction tr(m_sql);
      m_sql << "SELECT doudi.user_set_role(:r, :g, :d, NULLIF(:s, ''))", soci::use(roleName), soci::use(code),
          soci::use(department), soci::use(newScope);
      tr.commit();
    } catch (...) {
      RethrowAsDatabaseError("changing the group of user " + roleName);
    }
  }

  void ResetPassword(const std::string& roleName, const std::string& password) override {
    try {
      const std::string verifier = ScramVerifier(m_sql, roleName, password);
      Call("SELECT doudi.user_reset_password(:r, :v)", roleName, verifier, "resetting the password of " + roleName);
    } catch (...) {
      RethrowAsDatabaseError("resetting the password of " + roleName);
    }
  }

  std::vector<EndedSession> EndOverdueSessions() override {
    return ReadRows(
        "ending overdue sessions",
        (m_sql.prepare << "SELECT pid, role_name, state, to_char(since, 'YYYY-MM-DD HH24:MI:SS') "
                          "FROM doudi.watchdog_sweep() WHERE ended"),
        [](const soci::row& r) {
          return EndedSession{r.get<int>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3)};
        });
  }

  std::vector<AccessRecord> AccessLog(const std::string& sinceDay) override {
    return ReadRows(
        "reading the record of viewings",
        (m_sql.prepare << "SELECT to_char(viewed_at, 'YYYY-MM-DD HH24:MI:SS'), viewer, coalesce(viewer_scope, ''), "
                          "what, household_id, coalesce(region_code, '') FROM doudi.unmasked_access "
                          "WHERE viewed_at >= CAST(:d AS date) ORDER BY viewed_at, id",
         soci::use(sinceDay)),
        [](const soci::row& r) {
          return AccessRecord{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                              r.get<std::string>(3), r.get<long long>(4),   r.get<std::string>(5)};
        });
  }

 private:
  template <typename T>
  void Call(const std::string& statement, const std::string& roleName, const T& value, const std::string& context) {
    try {
      soci::transaction tr(m_sql);
      m_sql << statement, soci::use(roleName), soci::use(value);
      tr.commit();
    } catch (...) {
      RethrowAsDatabaseError(context);
    }
  }

  soci::session& m_sql;
};

}  // namespace

std::string ScramVerifier(soci::session& sql, const std::string& roleName, const std::string& password) {
  PGconn* conn = NativeConnection(sql);
  std::unique_ptr<char, decltype(&PQfreemem)> verifier(
      PQencryptPasswordConn(conn, password.c_str(), roleName.c_str(), "scram-sha-256"), &PQfreemem);
  if (!verifier) ThrowLibpqError(conn, "preparing the password");
  return verifier.get();
}

std::unique_ptr<UserDirectory> MakeUserDirectory(soci::session& sql) {
  return std::make_unique<PgUserDirectory>(sql);
}

}  // namespace doudi::dal::pg
