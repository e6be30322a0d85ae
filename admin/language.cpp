#include "language.h"

#include <memory>

#include "doudi/catalog/message_catalog.h"

namespace doudi::admin {

std::string RequestedLanguage(const std::vector<std::string>& args) {
  std::string language = "zh_CN";
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      language = args[i + 1];
    } else if (args[i].rfind("--lang=", 0) == 0) {
      language = args[i].substr(7);
    }
  }
  return language;
}

std::optional<std::string> UseLanguage(const std::string& language) {
  const auto prefix = language.substr(0, 2);
  if (prefix == "en") {
    catalog::UseCatalog(nullptr);
    return std::nullopt;
  }
  if (prefix != "zh") {
    catalog::UseCatalog(nullptr);
    return "--lang is zh_CN or en, not '" + language + "'";
  }
  const auto path = catalog::ProgramCatalogPath("zh_CN");
  auto loaded = path ? catalog::MessageCatalog::Load(*path) : std::nullopt;
  if (!loaded) {
    catalog::UseCatalog(nullptr);
    return "the Chinese messages (locale/zh_CN/LC_MESSAGES/doudi.mo beside doudi-admin) are missing or damaged; "
           "messages are in English";
  }
  catalog::UseCatalog(std::make_shared<const catalog::MessageCatalog>(std::move(*loaded)));
  return std::nullopt;
}

}  // namespace doudi::admin
