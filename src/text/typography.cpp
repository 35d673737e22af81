// Typographic conventions (quotes, minus, range dashes) in one left-to-right pass over UTF-8.
#include "text/typography.h"

#include <unicode/uchar.h>

#include <charconv>

#include "base/utf8.h"
#include "text/script.h"

namespace zb::text {
namespace {

constexpr char32_t kNone = 0;                         // before the start or past the end of the text
constexpr char32_t kBad = 0xFFFD;                     // a byte that is not well-formed UTF-8
constexpr std::string_view kHyphen = "\xE2\x80\x90";  // U+2010

struct Char {
  char32_t cp = kNone;
  std::size_t len = 0;
};

unsigned char byte(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

/// The character starting at `pos` (kNone at the end, kBad for an ill-formed byte).
Char char_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return {};
  std::size_t len = base::utf8_sequence_length(s, pos);
  if (len == 0) return {kBad, 1};
  return {base::utf8_decode_at(s, pos, len), len};
}

/// The character ending just before `pos` (kNone at the start), looking back at most 4 bytes.
char32_t char_before(std::string_view s, std::size_t pos) {
  if (pos == 0) return kNone;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (byte(s, start) & 0xC0) == 0x80) --start;
  Char c = char_at(s, start);
  return c.len == pos - start ? c.cp : kBad;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_space(char32_t c) { return c != kNone && c != kBad && u_isUWhiteSpace(static_cast<UChar32>(c)); }

/// A letter of an alphabet (Latin, Greek, ...), not Chinese writing.
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return c != kBad && u_isalpha(static_cast<UChar32>(c)) && !is_chinese(c);
}

/// Opening brackets and quotes (Unicode Ps, Pi) and the dashes — –: a quote after them opens.
bool is_opener(char32_t c) {
  if (c == kNone || c == kBad) return false;
  if (c == U'—' || c == U'–') return true;
  auto type = u_charType(static_cast<UChar32>(c));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

/// Bytes of the range or minus sign candidate at `pos` (`-`, `~`, U+2010), 0 for none.
std::size_t dash_length(std::string_view s, std::size_t pos) {
  if (s[pos] == '-' || s[pos] == '~') return 1;
  return s.substr(pos, 3) == kHyphen ? 3 : 0;
}

/// The first position at or after `from` where a rule may apply, or npos.
std::size_t next_trigger(std::string_view s, std::size_t from) {
  for (;;) {
    std::size_t p = s.find_first_of("\"'-~\xE2", from);
    if (p == std::string_view::npos || s[p] != '\xE2' || dash_length(s, p) == 3) return p;
    from = p + 1;
  }
}

/// Quotes that typographic() opened and has not closed yet (for Chinese text).
struct OpenQuotes {
  bool double_quote = false;
  bool single_quote = false;
};

bool quote_opens(char32_t prev, char32_t next, bool zh, bool already_open) {
  if (prev == kNone || is_space(prev) || is_opener(prev)) return true;
  if (zh && is_chinese(prev)) return !already_open && next != kNone && !is_space(next);
  return false;
}

void append_quote(std::string_view s, std::size_t i, bool zh, OpenQuotes& open, std::string& out) {
  const char32_t prev = char_before(out, out.size());
  const char32_t next = char_at(s, i + 1).cp;
  bool& state = s[i] == '"' ? open.double_quote : open.single_quote;
  // An apostrophe in or at the end of a word (Xiaoshan's, zones') closes.
  bool opens = !(s[i] == '\'' && (is_letter(prev) || is_digit(prev))) && quote_opens(prev, next, zh, state);
  state = opens;
  if (s[i] == '"')
    out += opens ? "“" : "”";
  else
    out += opens ? "‘" : "’";
}

/// A decimal number [begin, end) in the text, and its value.
struct Number {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool decimal = false;
  double value = 0;
  bool empty() const { return begin == end; }
};

double value_of(std::string_view s, const Number& n) {
  double v = 0;
  std::from_chars(s.data() + n.begin, s.data() + n.end, v);
  return v;
}

/// The number ending at `end` (digits, optionally preceded by digits and `.`).
Number number_before(std::string_view s, std::size_t end) {
  Number n{end, end};
  while (n.begin > 0 && is_digit(s[n.begin - 1])) --n.begin;
  if (n.empty()) return n;
  if (n.begin >= 2 && s[n.begin - 1] == '.' && is_digit(s[n.begin - 2])) {
    n.decimal = true;
    for (--n.begin; n.begin > 0 && is_digit(s[n.begin - 1]);) --n.begin;
  }
  n.value = value_of(s, n);
  return n;
}

/// The number starting at `begin` (digits, optionally followed by `.` and digits).
Number number_after(std::string_view s, std::size_t begin) {
  Number n{begin, begin};
  while (n.end < s.size() && is_digit(s[n.end])) ++n.end;
  if (n.empty()) return n;
  if (n.end + 1 < s.size() && s[n.end] == '.' && is_digit(s[n.end + 1])) {
    n.decimal = true;
    for (++n.end; n.end < s.size() && is_digit(s[n.end]);) ++n.end;
  }
  n.value = value_of(s, n);
  return n;
}

bool is_year(const Number& n) { return !n.decimal && n.end - n.begin == 4 && n.value >= 1900 && n.value <= 2099; }

/// What may not come right before the first number of a range: a letter, digit, / - ‐ − or `.`.
bool blocks_range(char32_t c) {
  return is_letter(c) || is_digit(c) || c == '/' || c == '-' || c == U'‐' || c == U'−' || c == '.';
}

/// The unit after a number range ending at `end`: the character that tells it is one, or kNone.
char32_t range_unit(std::string_view s, std::size_t end, bool zh) {
  Char c = char_at(s, end);
  if (c.cp == '%' || c.cp == U'‰' || c.cp == U'°' || c.cp == U'℃') return c.cp;
  if (c.cp == ' ')
    c = char_at(s, end + 1);
  else if (zh && is_han(c.cp))
    return c.cp;
  return is_letter(c.cp) ? c.cp : kNone;
}

/// The dash replacing the `len`-byte separator at `pos` when it joins a range (rules 3 and 4).
const char* range_dash(std::string_view s, std::size_t pos, std::size_t len, bool zh) {
  Number a = number_before(s, pos);
  if (a.empty() || blocks_range(char_before(s, a.begin))) return nullptr;
  Number b = number_after(s, pos + len);
  if (b.empty() || b.value <= a.value) return nullptr;
  if (is_year(b)) {
    const char32_t after = char_at(s, b.end).cp;
    if (!is_year(a) || is_digit(after) || after == '-' || after == U'‐') return nullptr;
    return zh ? "—" : "–";
  }
  const char32_t unit = range_unit(s, b.end, zh);
  if (unit == kNone) return nullptr;
  if (!zh) return "–";
  return unit == U'月' || unit == U'日' || unit == U'时' ? "—" : "～";
}

/// True when a minus sign may start a number after `prev` (rule 2).
bool minus_may_follow(char32_t prev) {
  switch (prev) {
    case kNone:
    case ':':
    case U'：':
    case ',':
    case U'，':
    case U'、':
    case ';':
    case U'；':
    case '/':
      return true;
    default:
      return is_space(prev) || is_opener(prev) || is_han(prev);
  }
}

bool starts_number(std::string_view s, std::size_t pos) {
  if (pos < s.size() && is_digit(s[pos])) return true;
  return pos + 1 < s.size() && s[pos] == '.' && is_digit(s[pos + 1]);
}

/// Applies the rules to the trigger at `i`, appending to `out`; returns the bytes consumed.
std::size_t apply_at(std::string_view s, std::size_t i, bool zh, OpenQuotes& open, std::string& out) {
  if (s[i] == '"' || s[i] == '\'') {
    append_quote(s, i, zh, open, out);
    return 1;
  }
  const std::size_t len = dash_length(s, i);
  if (const char* dash = range_dash(s, i, len, zh)) {
    out += dash;
  } else if (s[i] != '~' && starts_number(s, i + len) && minus_may_follow(char_before(out, out.size()))) {
    out += "−";
  } else {
    out.append(s.substr(i, len));
  }
  return len;
}

}  // namespace

std::string typographic(std::string_view utf8, bool zh) {
  std::size_t i = next_trigger(utf8, 0);
  if (i == std::string_view::npos) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() + 16);
  OpenQuotes open;
  std::size_t copied = 0;
  for (; i != std::string_view::npos; i = next_trigger(utf8, copied)) {
    out.append(utf8.substr(copied, i - copied));
    copied = i + apply_at(utf8, i, zh, open, out);
  }
  out.append(utf8.substr(copied));
  return out;
}

}  // namespace zb::text
