// Numbers per language from the unit codes of FACTS.md: 108亿元 / CNY 10.8 billion, 3.8万人 /
// 38,000 people, 第6位 / 6th, ... with the precision written in the facts file kept exactly.
// The one formatting module used by charts, cards and text alike.
#pragma once

#include <string>

#include "model/facts.h"

namespace zb::chart {

enum class Lang { zh, en };

/// A formatted quantity: the number and its unit, and both together.
struct Formatted {
  std::string number;  ///< e.g. "108", "10.8", "38,000", "6"
  std::string unit;    ///< e.g. "亿元", "billion", "万人", "people"
  std::string text;    ///< the whole, as printed: "108亿元", "CNY 10.8 billion", "第6位", "6th"
};

/// Formats `value` in `unit` for `lang`, with `q` ("超"/"over", ...) in front when given.
/// Arithmetic is decimal on the literal, so nothing is rounded: 10.17 stays 10.17, 10800000000
/// yuan is 108亿元 and CNY 10.8 billion, 38000 people is 3.8万人.
Formatted format_value(const model::Number& value, const model::Unit& unit, Lang lang,
                       model::Qualifier q = model::Qualifier::none);

/// A change (+99, -22.54 pp): like format_value, with an explicit sign.
Formatted format_change(const model::Number& value, const model::Unit& unit, Lang lang);

/// The qualifier's word: 超 / 近 / 约 / 不少于, over / nearly / about / at least ("" for none).
std::string qualifier_word(model::Qualifier q, Lang lang);

/// The unit as an axis title: 亿元, CNY billion, %, 个百分点, 平方公里, km², 万人, 家, firms, 位次, rank.
/// `scale_hint` is a value whose scale the axis uses (for cny and people).
std::string axis_unit(const model::Unit& unit, Lang lang, const model::Number& scale_hint);

/// The unit of numbers divided by 10^-shift, in `lang`: the words for the one scale a chart uses,
/// in either language (shift -8: 亿元 / CNY 100 million; shift -9: 十亿元 / CNY billion).
std::string scale_unit(const model::Unit& unit, Lang lang, int shift);

/// The power of ten an axis of `unit` divides by in `lang` (-8 for 亿元, -9 for billion, -4 for
/// 万人, 0 otherwise), chosen by the magnitude of `scale_hint`: one scale for a whole chart.
int axis_shift(const model::Unit& unit, Lang lang, const model::Number& scale_hint);
/// The number alone at a given shift (thousands separators in English), exact.
std::string format_number(const model::Number& value, int shift, Lang lang);

/// Decimal helpers on literals (exposed for tests).
/// `literal` × 10^`shift`, as a plain decimal string keeping the literal's written precision
/// (trailing zeros written in the file stay; zeros created by the shift do not).
std::string shift_decimal(const std::string& literal, int shift);
/// Inserts thousands separators (",") into the integer part of a plain decimal string.
std::string group_thousands(const std::string& decimal);

/// Digits after the decimal point of a formatted number ("32.71" → 2, "1,234" → 0).
int decimals_of(const std::string& number);
/// `number` (a number alone, as format_number prints it) with at least `decimals` digits after its point:
/// "100" → "100.0" for a chart whose other labels read "102.0". Only zeros are added.
std::string with_decimals(const std::string& number, int decimals);

/// later − earlier, exact (decimal arithmetic on the literals, no rounding): 10.17 − 32.71 is
/// −22.54; the literal has as many decimals as the more precise of the two.
model::Number difference(const model::Number& later, const model::Number& earlier);

/// True when a series' x label names a period: it starts with a year (1900–2199) that no digit
/// follows ("2024", "2024-03", "2024Q1", "2024年", "2024 H1"). Periods keep their order and
/// changes over them make titles.
bool is_period(const std::string& x);

/// A period label as charts print it: a month "2024-03" → "2024年3月" / "Mar 2024"; anything
/// else as written.
std::string period_label(const std::string& x, Lang lang);

/// A date as briefings print it: "2025年12月31日" / "31 December 2025".
std::string format_date(const model::Date& d, Lang lang);

/// A date to the month, as tables print a figure's date: "2025年5月" / "May 2025".
std::string format_month(const model::Date& d, Lang lang);

/// An English ordinal of a whole number written in digits: "1st", "22nd", "113th".
std::string ordinal(const std::string& n);

}  // namespace zb::chart
