#pragma once
// A fresh, empty database for one test on the cluster scripts/test starts
// (DOUDI_TEST_DB names its maintenance database, PGPASSFILE its password),
// dropped again when the test ends.
#include <cstdint>
#include <string>
#include <vector>

namespace doudi::test {

class TestDatabase {
 public:
  // Creates doudi_test_<pid>_<n>; throws std::runtime_error when
  // DOUDI_TEST_DB is unset or the cluster cannot be reached.
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& ConnectionString() const { return m_conninfo; }
  const std::string& Name() const { return m_name; }

  // Runs SQL as the cluster's superuser; throws with the server's message.
  void Execute(const std::string& sql) const;
  // The first column of the first row (empty string for NULL); throws when
  // there is no row.
  std::string Scalar(const std::string& sql) const;
  std::int64_t Count(const std::string& sql) const { return std::stoll(Scalar(sql)); }
  // Every row, columns joined by '|'.
  std::vector<std::string> Rows(const std::string& sql) const;

 private:
  std::string m_admin;
  std::string m_name;
  std::string m_conninfo;
};

// The repository's tests/fixtures directory (set by CMake).
std::string FixturePath(const std::string& relative);

}  // namespace doudi::test
