// Character classes used by line breaking, autospace and justification.
#include "text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <string_view>

#include "base/utf8.h"

namespace zb::text {

bool is_han(char32_t c) {
  if (c < 0x2E80) return false;                 // below the CJK radicals: no Han
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // the unified ideographs, the common case
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

bool is_chinese(char32_t c) {
  if (c < 0x2E80) return false;  // below the CJK radicals nothing is Chinese writing
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status)) return false;
  if (script == USCRIPT_HAN || script == USCRIPT_BOPOMOFO) return true;
  switch (ublock_getCode(static_cast<UChar32>(c))) {
    case UBLOCK_CJK_SYMBOLS_AND_PUNCTUATION:
    case UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS:
    case UBLOCK_CJK_COMPATIBILITY_FORMS:
    case UBLOCK_VERTICAL_FORMS:
      return true;
    default:
      return false;
  }
}

bool has_chinese(std::string_view text) {
  const auto cps = base::utf8_decode(text);
  return std::any_of(cps.begin(), cps.end(), is_chinese);
}

bool starts_chinese(std::string_view text) {
  const auto cps = base::utf8_decode(text.substr(0, 4));
  return !cps.empty() && is_chinese(cps.front());
}

bool is_autospace_partner(char32_t c) {
  return (c >= '0' && c <= '9') || c == '%' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF);
}

bool is_cjk_stretchable(char32_t c) {
  return is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2014 ||
         c == 0x2026 || c == 0xB7;
}

bool is_no_line_start(char32_t c) {
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
    return false;  // ideographs, letters and digits: the common case
  static constexpr std::u32string_view kSet =
      U"，。、；：？！）」』”’》〉】〕〗〙］｝｠％‰℃…‥·・—～ー々ゝゞ!%),.:;?]}"
      U"\u00A2\u00B0\u2032\u2033\uFF0E\uFF61\uFF64";
  return kSet.find(c) != std::u32string_view::npos;
}

bool is_no_line_end(char32_t c) {
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
    return false;
  static constexpr std::u32string_view kSet = U"（「『“‘《〈【〔〖〘［｛｟([{\u00A3\u00A5\uFFE5\uFFE1";
  return kSet.find(c) != std::u32string_view::npos;
}

bool is_no_break_around(char32_t c) { return c == 0xB7 || c == 0x30FB || c == 0x2027 || c == 0x2060; }

bool is_break_space(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || (c >= 0x2000 && c <= 0x200A && c != 0x2007);
}

}  // namespace zb::text
