// Line-break opportunities: UAX #14 (ICU, Chinese tailoring) plus Chinese punctuation rules.
#pragma once

#include <string_view>
#include <vector>

namespace zb::text {

/// For each character i, true when a line may break before it (index 0 is always false).
/// `zh` selects ICU's Chinese (strict) line breaking; both languages then get the kinsoku
/// rules of script.h and no break around the middle dot.
/// When `relaxed` is given, it marks the opportunities the tailoring removed only for looks (a
/// quoted term of three or four characters kept whole): a line may still break there rather
/// than be set loose.
std::vector<bool> break_opportunities(std::u32string_view text, bool zh, std::vector<bool>* relaxed = nullptr);

}  // namespace zb::text
