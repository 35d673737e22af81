// Typographic conventions applied to a text before it is set: curly quotes, true minus, range dashes.
#pragma once

#include <string>
#include <string_view>

namespace zb::text {

/// `utf8` as it should be set in `zh` (Chinese) or English text: the same bytes, except for
/// these rules, applied left to right in one pass.
///
/// 1. Quotes. A straight `"` becomes “ or ”, a straight `'` becomes ‘ or ’, in both languages.
///    A quote opens at the start of the text, after white space, after an opening bracket or
///    quote (Unicode Ps/Pi: ( [ { （ 《 【 “ ‘ ...) or after a dash (— –); otherwise it closes.
///    `"the 'A' list"` → `“the ‘A’ list”`; `'ten, hundred'` → `‘ten, hundred’`.
///    An apostrophe inside or at the end of a word is ’: `Xiaoshan's` → `Xiaoshan’s`,
///    `zones'` → `zones’`. In Chinese text, a quote after a Chinese character (Han or CJK
///    punctuation: 出 ： ，) opens when it is followed by a non-space and no quote of its kind
///    opened by this function is still open; otherwise it closes:
///    `提出"十四五"规划` → `提出“十四五”规划`, `"十四五"规划` → `“十四五”规划`.
///    Curly quotes already in the text are left alone.
/// 2. Minus. A hyphen-minus `-` or U+2010 directly before a digit, or before `.` and a digit,
///    becomes U+2212 `−` when it starts a number: at the start of the text, or after white
///    space, an opening bracket or quote, `:` `：` `,` `，` `、` `;` `；` `/`, or a Han character.
///    `-3.5%` → `−3.5%`, `(-.5)` → `(−.5)`, `增长-2.1%` → `增长−2.1%`. After a letter or digit
///    nothing changes: `COVID-19`, `A-1`, `GB/T 15834-2011` stay.
/// 3. Year ranges. Two 4-digit years from 1900 to 2099, the second greater, joined by `-`,
///    U+2010 or `~`: an en dash in English (`2021-2025` → `2021–2025`), a 一字线 U+2014 in
///    Chinese (GB/T 15834-2011 §4.13.3.2: `2021-2025年` → `2021—2025年`). Not when the first
///    year follows a letter, digit, `/`, `-`, U+2010, U+2212 or `.`, nor when the second is
///    followed by a digit, `-` or U+2010: `GB/T 15834-2011`, `2020-2021-2022` and the
///    decreasing `2025-2021` stay.
/// 4. Number ranges. Two numbers (digits, optionally `.` and digits), the second greater and not
///    a year of rule 3, joined by `-`, U+2010 or `~` and followed by `%` `‰` `°` `℃`, or by a
///    unit: a Latin letter (after at most one space) in either language, or a Han character in
///    Chinese. English: an en dash (`5-10 km` → `5–10 km`, `3-5%` → `3–5%`). Chinese
///    (GB/T 15834-2011 §4.13.3.3, 浪纹线 for numeric ranges): U+FF5E (`3-5年` → `3～5年`,
///    `10-20%` → `10～20%`, `3-5个` → `3～5个`), except before 月 日 时, where the range is a
///    time span and takes the 一字线 of rule 3 (`3-5月` → `3—5月`). The same guards as rule 3
///    before the first number; `5-10` with no unit, `20-10%` and `10-2020 km` stay.
/// 5. Every other byte comes back unchanged; a text with none of these patterns is returned
///    byte-identical. Any bytes are accepted (ill-formed UTF-8 passes through).
/// 6. A text without `"`, `'`, `-`, `~` or U+2010 is copied at once, after one scan.
std::string typographic(std::string_view utf8, bool zh);

}  // namespace zb::text
