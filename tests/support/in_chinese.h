#pragma once
// For a test that reads messages in Chinese: the shipped catalog, compiled
// beside the test executable (doudi_catalog_beside), is in use while an
// InChinese lives, and English (no catalog) again after.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <optional>

#include "doudi/catalog/message_catalog.h"

namespace doudi::test {

inline std::shared_ptr<const catalog::MessageCatalog> ShippedCatalog() {
  const auto path = catalog::ProgramCatalogPath("zh_CN");
  auto loaded = path ? catalog::MessageCatalog::Load(*path) : std::nullopt;
  BOOST_REQUIRE_MESSAGE(loaded, "the Chinese catalog is not beside the test");
  return std::make_shared<const catalog::MessageCatalog>(std::move(*loaded));
}

struct InChinese {
  InChinese() { catalog::UseCatalog(ShippedCatalog()); }
  ~InChinese() { catalog::UseCatalog(nullptr); }
  InChinese(const InChinese&) = delete;
  InChinese& operator=(const InChinese&) = delete;
};

}  // namespace doudi::test
