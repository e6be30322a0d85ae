// docs/parameters.md against the sources and the seed: the key tables' "used
// by" column says what reads each key, or that nothing reads it yet. A key
// documented as a rule that no code reads misleads whoever sets it, so the
// column is checked here against the C++, the SQL and the rule files, and
// every key the migrations seed must be documented with its unit.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "db_fixture.h"

namespace fs = std::filesystem;
using doudi::test::MigratedDatabase;

namespace {

std::string ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One row of a key table: the program(s) of its section, key, unit and the
// "used by" cell.
struct DocumentedKey {
  std::vector<std::string> programs;
  std::string key;
  std::string unit;
  std::string usedBy;
  bool Used() const { return usedBy.rfind("not used", 0) != 0; }
};

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The cells of a Markdown table row "| a | b |".
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '|') {
      cells.push_back(Trimmed(cell));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

std::vector<std::string> Backticked(const std::string& text) {
  static const std::regex kCode("`([^`]+)`");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kCode); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

// The rows of every table under "## The keys" (until the next "## ").
std::vector<DocumentedKey> DocumentedKeys(const std::string& doc) {
  std::vector<DocumentedKey> keys;
  std::istringstream lines(doc);
  std::string line;
  bool inKeys = false;
  std::vector<std::string> programs;
  std::vector<std::string> header;
  while (std::getline(lines, line)) {
    if (line.rfind("## ", 0) == 0) inKeys = line == "## The keys";
    if (!inKeys) continue;
    if (line.rfind("### ", 0) == 0) {
      programs = Backticked(line);
      header.clear();
    } else if (line.rfind("| key |", 0) == 0) {
      header = Cells(line);
    } else if (line.rfind("| `", 0) == 0) {
      BOOST_TEST_REQUIRE(!header.empty(), "a key row without a table header: " << line);
      const auto cells = Cells(line);
      BOOST_TEST_REQUIRE(cells.size() == header.size(), line);
      std::map<std::string, std::string> row;
      for (std::size_t i = 0; i < cells.size(); ++i) row[header[i]] = cells[i];
      BOOST_TEST_REQUIRE(row.count("used by") == 1u, "no \"used by\" column: " << line);
      keys.push_back({programs, Backticked(row["key"]).at(0), row["unit"], row["used by"]});
    }
  }
  return keys;
}

// A source file's text without comments and without the seed rows of
// doudi.program_parameter (a seeded value is not a use of its key).
std::string CodeOf(const fs::path& file) {
  const std::string text = ReadText(file);
  const std::string ext = file.extension().string();
  std::string out;
  std::istringstream lines(text);
  std::string line;
  bool inSeed = false;
  while (std::getline(lines, line)) {
    if (ext == ".sql") {
      if (line.rfind("INSERT INTO doudi.program_parameter", 0) == 0) inSeed = true;
      if (inSeed) {
        const auto end = line.find_last_not_of(" \t\r");
        if (end != std::string::npos && line[end] == ';') inSeed = false;
        continue;
      }
      line = line.substr(0, line.find("--"));
    } else if (ext == ".cpp" || ext == ".h") {
      line = line.substr(0, line.find("//"));
    }
    out += line + '\n';
  }
  return out;
}

bool HasWord(const std::string& text, const std::string& word) {
  const auto isWordChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool before = at == 0 || !isWordChar(text[at - 1]);
    const bool after = at + word.size() == text.size() || !isWordChar(text[at + word.size()]);
    if (before && after) return true;
  }
  return false;
}

// Every production source: the C++ of each library and program, the SQL of
// the data layer (migrations and schema files) and the rule tables the build
// turns into code. Tests, benchmarks, docs, scripts and translations read no
// parameter for the user.
std::map<std::string, std::string> Sources() {
  const fs::path root = DOUDI_SOURCE_DIR;
  const std::set<std::string> notSources = {"tests", "bench", "docs", "scripts", "cmake", "installer", "assets"};
  std::vector<fs::path> dirs = {root / "assets/rules"};
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name[0] != '.' && name.rfind("build", 0) != 0 && notSources.count(name) == 0) {
      dirs.push_back(entry.path());
    }
  }
  std::map<std::string, std::string> sources;
  for (const auto& dir : dirs) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      const std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".cpp" || ext == ".h" || ext == ".sql" || ext == ".csv")) {
        sources[fs::relative(entry.path(), root).generic_string()] = CodeOf(entry.path());
      }
    }
  }
  return sources;
}

// The readers a "used by" cell names: database functions (doudi.…), C++
// names (Upper case or Class::Member) and files (a path with a slash).
std::vector<std::string> Readers(const std::string& usedBy) {
  std::vector<std::string> readers;
  for (const auto& code : Backticked(usedBy)) {
    if (code.rfind("doudi.", 0) == 0 || std::isupper(static_cast<unsigned char>(code[0])) ||
        code.find("::") != std::string::npos || code.find('/') != std::string::npos) {
      readers.push_back(code);
    }
  }
  return readers;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parameter_docs)

BOOST_FIXTURE_TEST_CASE(every_documented_key_is_read_where_it_says, MigratedDatabase) {
  const auto keys = DocumentedKeys(ReadText(fs::path(DOUDI_SOURCE_DIR) / "docs/parameters.md"));
  BOOST_TEST_REQUIRE(keys.size() > 40u);
  const auto sources = Sources();
  BOOST_TEST_REQUIRE(sources.size() > 100u);

  for (const auto& k : keys) {
    BOOST_TEST_CONTEXT(k.key << " (" << k.usedBy << ")") {
      std::vector<std::string> files;
      for (const auto& [path, code] : sources) {
        if (HasWord(code, k.key)) files.push_back(path);
      }
      if (!k.Used()) {
        // Read by nothing: if this fails, the key has found a reader; name it.
        BOOST_TEST(files.empty(), "documented as not used yet, but read in " << files.front());
        continue;
      }
      BOOST_TEST(!files.empty(), "documented as used, but no source reads it");
      const auto readers = Readers(k.usedBy);
      BOOST_TEST(!readers.empty(), "names no reader");
      for (const auto& reader : readers) {
        const bool found = std::any_of(files.begin(), files.end(), [&](const std::string& path) {
          return reader.find('/') != std::string::npos ? path == reader : sources.at(path).find(reader) != std::string::npos;
        });
        BOOST_TEST(found, reader << " is named as its reader, but no source with that name reads the key");
      }
    }
  }

  // Every seeded key is documented under its program, with the seed's unit.
  std::set<std::string> documented;
  for (const auto& k : keys) {
    for (const auto& program : k.programs) documented.insert(program + "." + k.key + "|" + k.unit);
  }
  const auto seeded =
      server.Rows("SELECT DISTINCT program || '.' || key || '|' || unit FROM doudi.program_parameter ORDER BY 1");
  BOOST_TEST_REQUIRE(seeded.size() > 40u);
  for (const auto& row : seeded) {
    BOOST_TEST(documented.count(row) == 1u, row << " is seeded but not documented with that unit");
  }
}

BOOST_AUTO_TEST_SUITE_END()
