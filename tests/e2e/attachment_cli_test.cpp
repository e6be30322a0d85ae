// doudi-admin attachment ... as a process: a file attached by its content's
// type whatever its name, listed, saved back byte for byte, a text file
// refused with the code, and a withdrawal that needs its reason and hides
// the file from the list (docs/attachments.md).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "process.h"
#include "test_database.h"

using doudi::test::TestDatabase;
namespace fs = std::filesystem;

namespace {

struct FileDatabase {
  TestDatabase server;
  fs::path dir = fs::temp_directory_path() / ("doudi-attach-" + server.Name());
  std::string household;
  FileDatabase() {
    doudi::dal::pg::PgDatabase db(server.ConnectionString());
    db.Migrator().Migrate();
    db.UpsertRegions(doudi::admin::DemoRegions());
    doudi::dal::ImportOptions options;
    options.source = "demo";
    options.today = std::chrono::year{2026} / 11 / 28;
    db.Importer().Import(doudi::admin::DemoHouseholdRows(), options);
    household = server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'SM-0001'");
    fs::create_directories(dir);
  }
  ~FileDatabase() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  doudi::test::ProcessResult Run(std::vector<std::string> args, bool english = true) const {
    args.insert(args.begin(), {"--db", server.ConnectionString()});
    if (english) args.insert(args.begin(), {"--lang", "en"});
    return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args);
  }
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attachment_cli)

BOOST_FIXTURE_TEST_CASE(a_file_is_attached_listed_saved_and_withdrawn, FileDatabase) {
  const auto pdf = doudi::admin::DemoAttachmentFile("authorization.pdf");
  const std::string bytes(pdf.begin(), pdf.end());
  // A PDF named .jpg: kept as a PDF, under the name without its folder.
  auto r = Run({"attachment", "add", "household", household, "authorization", Write("授权书扫描.jpg", bytes), "--note",
                "全家签字"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(Has(r.out, "授权书扫描.jpg"), r.out);
  BOOST_TEST(Has(r.out, std::to_string(bytes.size()) + " bytes"), r.out);
  const std::string id = server.Scalar("SELECT id FROM doudi.attachment");
  BOOST_TEST(server.Scalar("SELECT media_type || '|' || file_name || '|' || note FROM doudi.attachment") ==
             "application/pdf|授权书扫描.jpg|全家签字");
  r = Run({"attachment", "list", "household", household});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(Has(r.out, "授权书扫描.jpg"), r.out);
  BOOST_TEST(Has(r.out, "核对授权书"), r.out);
  BOOST_TEST(Has(r.out, "1 files"), r.out);
  // Saved back as it was.
  const std::string saved = (dir / "saved.pdf").string();
  r = Run({"attachment", "save", id, "-o", saved});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(ReadAll(saved) == bytes);
  // A text file is refused by its content, with the code; nothing stored.
  r = Run({"attachment", "add", "household", household, "other", Write("notes.pdf", "hello")});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "attachment.type_unknown"), r.err);
  // Bad arguments name what is wrong.
  r = Run({"attachment", "add", "parcel", household, "other", Write("a.pdf", bytes)});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "OWNER_KIND"), r.err);
  r = Run({"attachment", "add", "household", household, "selfie", Write("a.pdf", bytes)});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "KIND"), r.err);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.attachment") == 1);
  // Withdrawn with a reason only; then listed only with --all.
  r = Run({"attachment", "withdraw", id});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "--reason"), r.err);
  r = Run({"attachment", "withdraw", id, "--reason", "传错了户"});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(Has(Run({"attachment", "list", "household", household}).out, "0 files"));
  r = Run({"attachment", "list", "household", household, "--all"});
  BOOST_TEST(Has(r.out, "传错了户"), r.out);
  // Chinese by default.
  r = Run({"attachment", "list", "household", household, "--all"}, false);
  BOOST_TEST(Has(r.out, "撤回"), r.out);
}

BOOST_AUTO_TEST_SUITE_END()
