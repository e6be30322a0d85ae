#pragma once
// The language of doudi-admin's messages: Chinese (zh_CN) by default, English
// with --lang en. The translations come from the compiled catalog beside the
// program (locale/zh_CN/LC_MESSAGES/doudi.mo), read by doudi_catalog.
#include <optional>
#include <string>
#include <vector>

namespace doudi::admin {

// The value of --lang (or --lang=...) among the program's arguments;
// "zh_CN" when there is none.
std::string RequestedLanguage(const std::vector<std::string>& args);

// Makes Tr() translate into language: "zh_CN" (also "zh", "zh-CN") loads the
// catalog beside the program, "en" (also "en_US" ...) uses the English
// msgids. nullopt on success; otherwise an English sentence saying what is
// wrong (an unknown language, or the Chinese catalog missing, in which case
// the messages stay English).
std::optional<std::string> UseLanguage(const std::string& language);

}  // namespace doudi::admin
