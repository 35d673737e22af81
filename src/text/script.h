// Character classes for Chinese/Latin typesetting: Han, autospace partners, kinsoku sets.
#pragma once

#include <string_view>

namespace zb::text {

/// Han characters by ICU's script data (ideographs of every extension, compatibility
/// ideographs, 々 〇 and radicals).
bool is_han(char32_t cp);
/// Chinese writing: Han, Bopomofo, or a character of the CJK punctuation and full-width forms
/// blocks (，。“…” are "Common" script, so the block decides), by ICU's data.
bool is_chinese(char32_t cp);
/// True when UTF-8 `text` holds a Chinese character (is_chinese): such text is set by Chinese rules.
bool has_chinese(std::string_view text);
/// True when UTF-8 `text` starts with a Chinese character.
bool starts_chinese(std::string_view text);
/// Letters and digits that get a quarter-em of space next to Han (CSS text-autospace).
bool is_autospace_partner(char32_t cp);
/// Characters whose gaps may stretch in a justified Chinese line: Han, kana, CJK and
/// full-width punctuation.
bool is_cjk_stretchable(char32_t cp);
/// No line may start with these (，。、；：？！）」』” and their kin).
bool is_no_line_start(char32_t cp);
/// No line may end with these (（「『“ and their kin).
bool is_no_line_end(char32_t cp);
/// Characters that join their neighbours: no break before or after (the middle dot in 湘湖·萧滨).
bool is_no_break_around(char32_t cp);
/// Unicode white space that separates words (space, no-break space is not one).
bool is_break_space(char32_t cp);

}  // namespace zb::text
