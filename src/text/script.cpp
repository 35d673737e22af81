// Character classes used by line breaking, autospace and justification.
#include "text/script.h"

#include <string_view>

namespace zb::text {

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x323AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == 0x3005 || c == 0x3007;
}

bool is_autospace_partner(char32_t c) {
  return (c >= '0' && c <= '9') || c == '%' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF);
}

bool is_cjk_stretchable(char32_t c) {
  return is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || c == 0x201C || c == 0x201D ||
         c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0xB7;
}

bool is_no_line_start(char32_t c) {
  static constexpr std::u32string_view kSet =
      U"，。、；：？！）」』”’》〉】〕〗〙］｝｠％‰℃…‥·・—～ー々ゝゞ!%),.:;?]}\u00A2\u00B0\u2032\u2033\uFF0E\uFF61\uFF64";
  return kSet.find(c) != std::u32string_view::npos;
}

bool is_no_line_end(char32_t c) {
  static constexpr std::u32string_view kSet = U"（「『“‘《〈【〔〖〘［｛｟([{\u00A3\u00A5\uFFE5\uFFE1";
  return kSet.find(c) != std::u32string_view::npos;
}

bool is_no_break_around(char32_t c) { return c == 0xB7 || c == 0x30FB || c == 0x2027 || c == 0x2060; }

bool is_break_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || (c >= 0x2000 && c <= 0x200A && c != 0x2007); }

}  // namespace zb::text
