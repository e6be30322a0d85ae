#include "doudi/workstation/card_reader_settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <cstdlib>
#include <stdexcept>

#include "connection_settings.h"
#include "utf8_path.h"

namespace doudi::workstation {

std::string CardReaderSetting(const std::vector<std::filesystem::path>& files) {
  if (const char* value = std::getenv("DOUDI_CARD_READER"); value != nullptr && *value != '\0') return value;
  for (const auto& file : files) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) continue;
    try {
      const Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini(
          new Poco::Util::IniFileConfiguration(admin::PathToUtf8(file)));
      return ini->getString("devices.card_reader", "");
    } catch (const Poco::Exception& e) {
      throw std::runtime_error(admin::PathToUtf8(file) + ": " + e.displayText());
    }
  }
  return {};
}

std::string CardReaderSetting() { return CardReaderSetting(admin::DefaultConfigFiles()); }

}  // namespace doudi::workstation
