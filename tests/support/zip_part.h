#pragma once
// One part of a zip archive's bytes as text, read with Poco Zip: the tests
// look inside the .xlsx files doudi-admin writes (header-only, for
// admin_tests and admin_e2e_tests, which link Poco::Zip).
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

namespace doudi::test {

inline std::string ZipPart(const std::string& bytes, const std::string& name) {
  std::istringstream in(bytes);
  const Poco::Zip::ZipArchive archive(in);
  const auto header = archive.findHeader(name);
  if (header == archive.headerEnd()) throw std::runtime_error("the zip has no " + name);
  in.clear();
  Poco::Zip::ZipInputStream part(in, header->second, true);
  return {std::istreambuf_iterator<char>(part), std::istreambuf_iterator<char>()};
}

}  // namespace doudi::test
