#pragma once
// Which card reader this desk uses: the one place that reads the setting
// (docs/devices.md). In order: the DOUDI_CARD_READER environment variable,
// then the `card_reader` key of the [devices] section of doudi.ini (the
// first of files that exists), else none. The text is what MakeCardReader
// takes ("simulated:PATH", "sdtapi:1001" ...).
#include <filesystem>
#include <string>
#include <vector>

namespace doudi::workstation {

// files: the doudi.ini to look in, in order; by default the user's then the
// system's (admin::DefaultConfigFiles). Throws std::runtime_error naming
// the file when an existing one cannot be read.
std::string CardReaderSetting(const std::vector<std::filesystem::path>& files);
std::string CardReaderSetting();

}  // namespace doudi::workstation
