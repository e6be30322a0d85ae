#pragma once
// Windows only: the readers that follow the common interface of the
// Ministry of Public Security's reader SDK, sdtapi.dll (SDT_OpenPort,
// SDT_StartFindIDCard, SDT_SelectIDCard, SDT_ReadBaseMsg, SDT_ClosePort),
// with the photo decoded by the vendor's WltRS.dll (GetBmp), both loaded at
// run time (docs/devices.md). The adapter only calls the DLLs: the base
// message is parsed by ParseBaseMessage (id_card.h).
//
// The program is 64-bit, so the DLLs must be the vendor's x64 build (a
// 32-bit DLL does not load: NoReader says so).
#include <memory>
#include <string_view>

#include "doudi/workstation/card_reader.h"

namespace doudi::workstation {

// options: what follows "sdtapi" in the setting: "" (USB port 1001, the
// DLLs found as Windows finds DLLs: the program's folder, then PATH),
// ":PORT", or ":PORT:DIR" (the DLLs from DIR, UTF-8). Throws
// std::invalid_argument for a port that is not 1..16 or 1001..1016.
std::unique_ptr<CardReader> MakeSdtapiCardReader(std::string_view options);

}  // namespace doudi::workstation
