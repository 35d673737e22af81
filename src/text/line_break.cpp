// UAX #14 via ICU's line BreakIterator (one per thread and language), then tailoring.
#include "text/line_break.h"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "base/diagnostics.h"
#include "text/script.h"

namespace zb::text {
namespace {

icu::BreakIterator& iterator_for(bool zh) {
  thread_local std::unique_ptr<icu::BreakIterator> its[2];
  auto& it = its[zh ? 1 : 0];
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createLineInstance(zh ? icu::Locale("zh@lb=strict") : icu::Locale("en"), status));
    if (U_FAILURE(status) || !it)
      throw base::Error(base::Diagnostic::whole_file("ICU", "expected a line break iterator", u_errorName(status)));
  }
  return *it;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

/// The word ending before `end` / starting at `begin`, without surrounding punctuation.
std::u32string_view word_before(std::u32string_view text, std::size_t end) {
  std::size_t b = end;
  while (b > 0 && !is_break_space(text[b - 1])) --b;
  std::u32string_view w = text.substr(b, end - b);
  while (!w.empty() && std::u32string_view(U"(\u201C\u2018'\"").find(w.front()) != std::u32string_view::npos)
    w.remove_prefix(1);
  return w;
}

std::u32string_view word_after(std::u32string_view text, std::size_t begin) {
  std::size_t e = begin;
  while (e < text.size() && !is_break_space(text[e])) ++e;
  std::u32string_view w = text.substr(begin, e - begin);
  while (!w.empty() && std::u32string_view(U".,;:)!?\u201D\u2019'\"").find(w.back()) != std::u32string_view::npos)
    w.remove_suffix(1);
  return w;
}

bool is_number(std::u32string_view w) {
  if (w.empty() || !is_digit(w.front()) || !is_digit(w.back())) return false;
  for (char32_t c : w)
    if (!is_digit(c) && c != ',' && c != '.') return false;
  return true;
}

bool is_month(std::u32string_view w) {
  static constexpr std::u32string_view kMonths[] = {U"January",   U"February", U"March",    U"April",
                                                    U"May",       U"June",     U"July",     U"August",
                                                    U"September", U"October",  U"November", U"December"};
  return std::find(std::begin(kMonths), std::end(kMonths), w) != std::end(kMonths);
}

bool is_currency(std::u32string_view w) {
  return w == U"CNY" || w == U"RMB" || w == U"USD" || w == U"EUR" || w == U"US$" || w == U"HK$";
}

bool is_scale_or_unit(std::u32string_view w) {
  static constexpr std::u32string_view kWords[] = {U"thousand", U"million", U"billion",  U"trillion", U"yuan", U"mu",
                                                   U"km²",      U"km",      U"hectares", U"percent",  U"pp"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

/// English amounts and dates read as one unit: no break in "CNY 300 million", "31 December
/// 2025", "May 2024" at the space between `before` and `after`.
bool keep_together(std::u32string_view before, std::u32string_view after) {
  if (is_currency(before) && !after.empty() && is_digit(after.front())) return true;
  if (is_number(before) && (is_scale_or_unit(after) || is_month(after))) return true;
  if (is_month(before) && is_number(after)) return true;
  return false;
}

/// Marks as unbreakable every position strictly inside [from, to).
void keep(std::vector<bool>& brk, std::size_t from, std::size_t to) {
  for (std::size_t k = from + 1; k < to && k < brk.size(); ++k) brk[k] = false;
}

/// Rules that hold in both languages: a short quoted term stays whole (“十四五”, 《财富》), a
/// link breaks only in its path (never after "https://"), a citation marker [12] never starts
/// a line, and a "+" that ends a term (人工智能+) stays with it.
void tailor(std::u32string_view text, std::vector<bool>& brk, std::vector<bool>* relaxed) {
  static constexpr std::u32string_view kOpen = U"“‘「『《〈（", kClose = U"”’」』》〉）";
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto o = kOpen.find(text[i]);
    if (o != std::u32string_view::npos) {
      for (std::size_t k = i + 1; k < text.size() && k <= i + 5; ++k)
        if (text[k] == kClose[o]) {
          if (relaxed && k >= i + 4)  // three or four characters inside
            for (std::size_t m = i + 2; m < k; ++m) (*relaxed)[m] = (*relaxed)[m] || brk[m];
          keep(brk, i, k + 1);
          break;
        }
    }
    if (text.substr(i, 7) == U"http://" || text.substr(i, 8) == U"https://") {
      std::size_t host = text.find(U"://", i) + 3;
      std::size_t slash = host;
      while (slash < text.size() && text[slash] != '/' && !is_break_space(text[slash])) ++slash;
      keep(brk, i, std::min(slash + 1, text.size()));
    }
    if (text[i] == '[' && i > 0) {
      std::size_t k = i + 1;
      while (k < text.size() && is_digit(text[k])) ++k;
      if (k > i + 1 && k < text.size() && text[k] == ']') brk[i] = false;
    }
    if (text[i] == '+' && i > 0 && !is_break_space(text[i - 1])) brk[i] = false;
    // "10-billion", "2021-2025": no break after a hyphen that follows a digit.
    if (i >= 2 && text[i - 1] == '-' && is_digit(text[i - 2])) brk[i] = false;
  }
}

}  // namespace

std::vector<bool> break_opportunities(std::u32string_view text, bool zh, std::vector<bool>* relaxed) {
  std::vector<bool> brk(text.size(), false);
  if (relaxed) relaxed->assign(text.size(), false);
  if (text.size() < 2) return brk;
  // UTF-16 for ICU, with a map from UTF-16 offsets back to character indices.
  icu::UnicodeString u;
  std::vector<std::size_t> char_of_unit;
  char_of_unit.reserve(text.size() * 2 + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    u.append(static_cast<UChar32>(text[i]));
    while (char_of_unit.size() < static_cast<std::size_t>(u.length())) char_of_unit.push_back(i);
  }
  char_of_unit.push_back(text.size());
  icu::BreakIterator& it = iterator_for(zh);
  it.setText(u);
  for (int32_t p = it.next(); p != icu::BreakIterator::DONE; p = it.next()) {
    std::size_t i = char_of_unit[static_cast<std::size_t>(p)];
    if (i > 0 && i < text.size()) brk[i] = true;
  }
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!brk[i]) continue;
    char32_t before = text[i - 1], after = text[i];
    if (is_no_line_start(after) || is_no_line_end(before) || is_no_break_around(before) || is_no_break_around(after))
      brk[i] = false;
    else if (is_break_space(before) && before != 0x3000 && i >= 2 &&
             keep_together(word_before(text, i - 1), word_after(text, i)))
      brk[i] = false;
  }
  tailor(text, brk, relaxed);
  return brk;
}

}  // namespace zb::text
