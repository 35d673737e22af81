// The language mode of a document (zh+en, en+zh, zh, en, side-by-side): one table of names.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace zb::model {

/// zh+en: each block in Chinese, then its English; en+zh the reverse; zh or en alone;
/// side_by_side: Chinese and English columns, aligned block by block.
enum class LangMode { zh_en, en_zh, zh, en, side_by_side };

/// A language mode and the name the command line and the manifest use for it.
struct LangModeName {
  LangMode mode;
  std::string_view name;
};

/// Every language mode with its name, in the order the help text lists them.
inline constexpr std::array<LangModeName, 5> kLangModes{{{LangMode::zh_en, "zh+en"},
                                                         {LangMode::en_zh, "en+zh"},
                                                         {LangMode::zh, "zh"},
                                                         {LangMode::en, "en"},
                                                         {LangMode::side_by_side, "side-by-side"}}};

/// Parses "zh+en", "en+zh", "zh", "en", "side-by-side"; nullopt otherwise.
std::optional<LangMode> parse_lang_mode(std::string_view s);

/// The name of `m` as parse_lang_mode reads it ("zh+en", ..., "side-by-side").
std::string_view name_of(LangMode m);

}  // namespace zb::model
