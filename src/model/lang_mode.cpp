// Language mode names, read and written from the one table.
#include "model/lang_mode.h"

namespace zb::model {

std::optional<LangMode> parse_lang_mode(std::string_view s) {
  for (const auto& [mode, name] : kLangModes)
    if (name == s) return mode;
  return std::nullopt;
}

std::string_view name_of(LangMode m) {
  for (const auto& [mode, name] : kLangModes)
    if (mode == m) return name;
  return "?";
}

}  // namespace zb::model
