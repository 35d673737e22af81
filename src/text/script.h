// Character classes for Chinese/Latin typesetting: Han, autospace partners, kinsoku sets.
#pragma once

namespace zb::text {

/// CJK ideographs (URO, Ext A–H, compatibility) and 々 〇.
bool is_han(char32_t cp);
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
