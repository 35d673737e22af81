// UAX #14 via ICU's line BreakIterator (one per thread and language), then tailoring.
#include "text/line_break.h"

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

}  // namespace

std::vector<bool> break_opportunities(std::u32string_view text, bool zh) {
  std::vector<bool> brk(text.size(), false);
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
    if (is_no_line_start(after) || is_no_line_end(before) || is_no_break_around(before) ||
        is_no_break_around(after))
      brk[i] = false;
  }
  return brk;
}

}  // namespace zb::text
