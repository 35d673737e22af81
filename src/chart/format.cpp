// Number formatting per unit and language, by decimal shifting of the literal (no rounding).
#include "chart/format.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <locale>
#include <tuple>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace zb::chart {
namespace {

using model::UnitCode;

struct Decimal {
  bool negative = false;
  std::string digits;  // significant digits, no point
  int point = 0;       // digits before the decimal point (may be <= 0 or > digits.size())
  int written_decimals = 0;
};

Decimal parse(const std::string& literal) {
  Decimal d;
  std::size_t i = 0;
  if (i < literal.size() && (literal[i] == '-' || literal[i] == '+')) d.negative = literal[i++] == '-';
  int frac = 0;
  bool after_point = false;
  for (; i < literal.size(); ++i) {
    char c = literal[i];
    if (c == '.') {
      after_point = true;
    } else if (c >= '0' && c <= '9') {
      d.digits += c;
      if (after_point)
        ++frac;
      else
        ++d.point;
    } else {
      break;  // exponent
    }
  }
  int exp = 0;
  if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E')) exp = std::atoi(literal.c_str() + i + 1);
  d.point += exp;
  d.written_decimals = std::max(0, frac - exp);
  if (d.digits.find_first_not_of('0') == std::string::npos) d.negative = false;  // no "-0"
  return d;
}

std::string ordinal_suffix(const std::string& n) {
  int last2 = 0;
  for (char c : n) last2 = (last2 * 10 + (c - '0')) % 100;
  if (last2 >= 11 && last2 <= 13) return "th";
  switch (last2 % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

double magnitude(const model::Number& v) { return std::fabs(v.value); }

/// Scale of a yuan amount: exponent and zh/en unit words.
struct Scale {
  int shift;
  const char* zh;
  const char* en;
};

Scale cny_scale_zh(double v) {
  if (v >= 1e12) return {-12, "万亿元", ""};
  if (v >= 1e8) return {-8, "亿元", ""};
  if (v >= 1e4) return {-4, "万元", ""};
  return {0, "元", ""};
}

Scale cny_scale_en(double v) {
  if (v >= 1e12) return {-12, "", "trillion"};
  if (v >= 1e9) return {-9, "", "billion"};
  if (v >= 1e6) return {-6, "", "million"};
  return {0, "", ""};
}

bool is_one(const std::string& number) { return number == "1"; }

/// `decimal` as printed: a leading "-" becomes the true minus U+2212 (−22.54). The decimal
/// helpers (shift_decimal, group_thousands) keep the ASCII "-" they parse.
std::string true_minus(std::string decimal) {
  if (!decimal.empty() && decimal[0] == '-') decimal.replace(0, 1, "−");
  return decimal;
}

/// Chinese counts as readers write them: 60000 → 6万, 320000000 → 3.2亿 when that takes at most
/// two decimals (12345 stays 12345); below 10,000 the plain number.
std::string zh_count(const model::Number& value) {
  auto decimals = [](const std::string& s) {
    auto dot = s.find('.');
    return dot == std::string::npos ? std::size_t{0} : s.size() - dot - 1;
  };
  for (auto [limit, shift, word] : {std::tuple{1e8, -8, "亿"}, std::tuple{1e4, -4, "万"}}) {
    if (magnitude(value) < limit) continue;
    std::string s = shift_decimal(value.literal, shift);
    if (decimals(s) <= 2) return true_minus(s) + word;
  }
  return true_minus(shift_decimal(value.literal, 0));
}

Formatted format_impl(const model::Number& value, const model::Unit& unit, Lang lang, const std::string& prefix) {
  Formatted f;
  const bool zh = lang == Lang::zh;
  auto plain = [&](int shift) { return true_minus(shift_decimal(value.literal, shift)); };
  auto grouped = [&](int shift) { return true_minus(group_thousands(shift_decimal(value.literal, shift))); };
  if (!unit.code) {
    f.number = zh ? zh_count(value) : grouped(0);
    f.unit = zh ? unit.label.zh : unit.label.en;
    f.text = prefix + f.number + (zh ? "" : " ") + f.unit;
    return f;
  }
  switch (*unit.code) {
    case UnitCode::cny:
      if (zh) {
        Scale s = cny_scale_zh(magnitude(value));
        f.number = plain(s.shift);
        f.unit = s.zh;
        f.text = prefix + f.number + f.unit;
      } else {
        Scale s = cny_scale_en(magnitude(value));
        f.number = grouped(s.shift);
        f.unit = s.en;
        f.text = prefix + "CNY " + f.number + (f.unit.empty() ? "" : " " + f.unit);
      }
      break;
    case UnitCode::percent:
      f.number = zh ? plain(0) : grouped(0);
      f.unit = "%";
      f.text = prefix + f.number + f.unit;
      break;
    case UnitCode::pp:
      f.number = zh ? plain(0) : grouped(0);
      f.unit = zh ? "个百分点" : "pp";
      f.text = prefix + f.number + (zh ? "" : " ") + f.unit;
      break;
    case UnitCode::km2:
      f.number = zh ? plain(0) : grouped(0);
      f.unit = zh ? "平方公里" : "km²";
      f.text = prefix + f.number + (zh ? "" : " ") + f.unit;
      break;
    case UnitCode::mu:
      f.number = zh ? zh_count(value) : grouped(0);
      f.unit = zh ? "亩" : "mu";
      f.text = prefix + f.number + (zh ? "" : " ") + f.unit;
      break;
    case UnitCode::people:
      if (zh) {
        bool wan = magnitude(value) >= 1e4;
        f.number = plain(wan ? -4 : 0);
        f.unit = wan ? "万人" : "人";
        f.text = prefix + f.number + f.unit;
      } else {
        f.number = grouped(0);
        f.unit = is_one(f.number) ? "person" : "people";
        f.text = prefix + f.number + " " + f.unit;
      }
      break;
    case UnitCode::firms:
      f.number = zh ? zh_count(value) : grouped(0);
      f.unit = zh ? "家" : (is_one(f.number) ? "firm" : "firms");
      f.text = prefix + f.number + (zh ? "" : " ") + f.unit;
      break;
    case UnitCode::count:
      f.number = zh ? zh_count(value) : grouped(0);
      f.text = prefix + f.number;
      break;
    case UnitCode::rank:
      f.number = plain(0);
      if (zh) {
        f.unit = "位";
        f.text = prefix + "第" + f.number + "位";
      } else {
        f.unit = ordinal_suffix(f.number);
        f.text = prefix + f.number + f.unit;
      }
      break;
  }
  return f;
}

/// The English name of `m` ("December"): {fmt}'s %B in the C locale, whatever the global one.
std::string month_name(std::chrono::month m) {
  std::tm tm{};
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(m)) - 1;
  return fmt::format(std::locale::classic(), "{:%B}", tm);
}

}  // namespace

std::string ordinal(const std::string& n) { return n + ordinal_suffix(n); }

std::string format_date(const model::Date& d, Lang lang) {
  if (lang == Lang::zh) return fmt::format("{}年{}月{}日", d.year, d.month, d.day);
  return fmt::format("{} {} {}", d.day, month_name(d.ymd().month()), d.year);
}

std::string format_month(const model::Date& d, Lang lang) {
  if (lang == Lang::zh) return fmt::format("{}年{}月", d.year, d.month);
  return fmt::format("{} {}", month_name(d.ymd().month()), d.year);
}

std::string period_label(const std::string& x, Lang lang) {
  const bool month =
      x.size() == 7 && x[4] == '-' && is_period(x) && x[5] >= '0' && x[5] <= '1' && x[6] >= '0' && x[6] <= '9';
  const int m = month ? (x[5] - '0') * 10 + (x[6] - '0') : 0;
  if (m < 1 || m > 12) return x;
  const std::string year = x.substr(0, 4);
  if (lang == Lang::zh) return year + "年" + std::to_string(m) + "月";
  return month_name(std::chrono::month(static_cast<unsigned>(m))).substr(0, 3) + " " + year;
}

std::string shift_decimal(const std::string& literal, int shift) {
  Decimal d = parse(literal);
  int point = d.point + shift;
  std::string int_part, frac_part;
  const int n = static_cast<int>(d.digits.size());
  for (int i = 0; i < std::max(point, n); ++i) {
    char c = i < n ? d.digits[static_cast<std::size_t>(i)] : '0';
    if (i < point)
      int_part += c;
    else
      frac_part += c;
  }
  if (point < 0) frac_part = std::string(static_cast<std::size_t>(-point), '0') + d.digits;
  // Integer part without leading zeros.
  std::size_t nz = int_part.find_first_not_of('0');
  int_part = nz == std::string::npos ? "0" : int_part.substr(nz);
  // Fraction: up to its last non-zero digit, but keeping zeros that were written after a decimal
  // point in the file (32.70 stays 32.70); zeros of an integer literal moved past the point by
  // the shift (10800000000 → 108.00000000) are not precision and go.
  std::size_t keep = d.written_decimals > 0 ? static_cast<std::size_t>(std::max(0, d.written_decimals - shift)) : 0;
  std::size_t last = frac_part.find_last_not_of('0');
  std::size_t len = last == std::string::npos ? 0 : last + 1;
  len = std::max(len, std::min(keep, frac_part.size()));
  frac_part = frac_part.substr(0, len);
  if (keep > frac_part.size()) frac_part += std::string(keep - frac_part.size(), '0');
  std::string out = (d.negative ? "-" : "") + int_part;
  if (!frac_part.empty()) out += "." + frac_part;
  return out;
}

std::string group_thousands(const std::string& decimal) {
  std::size_t start = decimal.empty() || decimal[0] != '-' ? 0 : 1;
  std::size_t end = decimal.find('.');
  if (end == std::string::npos) end = decimal.size();
  std::string out = decimal.substr(0, start);
  std::string int_part = decimal.substr(start, end - start);
  for (std::size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out += ',';
    out += int_part[i];
  }
  return out + decimal.substr(end);
}

std::string qualifier_word(model::Qualifier q, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (q) {
    case model::Qualifier::none:
      return "";
    case model::Qualifier::over:
      return zh ? "超" : "over";
    case model::Qualifier::nearly:
      return zh ? "近" : "nearly";
    case model::Qualifier::about:
      return zh ? "约" : "about";
    case model::Qualifier::at_least:
      return zh ? "不少于" : "at least";
  }
  return "";
}

Formatted format_value(const model::Number& value, const model::Unit& unit, Lang lang, model::Qualifier q) {
  std::string word = qualifier_word(q, lang);
  std::string prefix = word.empty() ? "" : (lang == Lang::zh ? word : word + " ");
  return format_impl(value, unit, lang, prefix);
}

Formatted format_change(const model::Number& value, const model::Unit& unit, Lang lang) {
  Formatted f = format_impl(value, unit, lang, "");
  if (value.value > 0) {
    f.number = "+" + f.number;
    f.text = "+" + f.text;
  }
  return f;
}

int axis_shift(const model::Unit& unit, Lang lang, const model::Number& scale_hint) {
  if (!unit.code) return 0;
  if (*unit.code == UnitCode::cny)
    return lang == Lang::zh ? cny_scale_zh(magnitude(scale_hint)).shift : cny_scale_en(magnitude(scale_hint)).shift;
  if (*unit.code == UnitCode::people && lang == Lang::zh && magnitude(scale_hint) >= 1e4) return -4;
  return 0;
}

std::string format_number(const model::Number& value, int shift, Lang lang) {
  std::string s = shift_decimal(value.literal, shift);
  return true_minus(lang == Lang::zh ? s : group_thousands(s));
}

std::string scale_unit(const model::Unit& unit, Lang lang, int shift) {
  const bool zh = lang == Lang::zh;
  if (!unit.code) return zh ? unit.label.zh : unit.label.en;
  switch (*unit.code) {
    case UnitCode::cny:
      switch (shift) {
        case 0:
          return zh ? "元" : "CNY";
        case -4:
          return zh ? "万元" : "CNY 10,000";
        case -6:
          return zh ? "百万元" : "CNY million";
        case -8:
          return zh ? "亿元" : "CNY 100 million";
        case -9:
          return zh ? "十亿元" : "CNY billion";
        case -12:
          return zh ? "万亿元" : "CNY trillion";
        default:
          return zh ? "元" : "CNY";
      }
    case UnitCode::people:
      if (shift == -4) return zh ? "万人" : "10,000 people";
      return zh ? "人" : "people";
    case UnitCode::percent:
      return "%";
    case UnitCode::pp:
      return zh ? "百分点" : "pp";
    case UnitCode::km2:
      return zh ? "平方公里" : "km²";
    case UnitCode::mu:
      return zh ? "亩" : "mu";
    case UnitCode::firms:
      return zh ? "家" : "firms";
    case UnitCode::count:
      return zh ? "个" : "number";
    case UnitCode::rank:
      return zh ? "名次（第1位最高）" : "rank (1 = top)";
  }
  return "";
}

namespace {

/// A plain decimal ("-12.5") as its sign and the digits of |x| × 10^decimals.
struct Fixed {
  bool negative = false;
  std::string digits;
};

Fixed fixed(const std::string& plain, int decimals) {
  Fixed f;
  std::size_t i = 0;
  if (!plain.empty() && plain[0] == '-') {
    f.negative = true;
    i = 1;
  }
  const std::size_t dot = plain.find('.');
  f.digits = plain.substr(i, dot == std::string::npos ? std::string::npos : dot - i);
  std::string frac = dot == std::string::npos ? "" : plain.substr(dot + 1);
  frac.resize(static_cast<std::size_t>(decimals), '0');
  f.digits += frac;
  return f;
}

/// |a| ≥ |b| for digit strings (leading zeros allowed).
bool not_less(std::string a, std::string b) {
  const std::size_t n = std::max(a.size(), b.size());
  a.insert(0, n - a.size(), '0');
  b.insert(0, n - b.size(), '0');
  return a >= b;
}

std::string add_digits(std::string a, std::string b) {
  const std::size_t n = std::max(a.size(), b.size()) + 1;
  a.insert(0, n - a.size(), '0');
  b.insert(0, n - b.size(), '0');
  int carry = 0;
  for (std::size_t i = n; i-- > 0;) {
    int d = (a[i] - '0') + (b[i] - '0') + carry;
    a[i] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  return a;
}

/// a − b for digit strings with a ≥ b.
std::string subtract_digits(std::string a, std::string b) {
  b.insert(0, a.size() - b.size(), '0');
  int borrow = 0;
  for (std::size_t i = a.size(); i-- > 0;) {
    int d = (a[i] - '0') - (b[i] - '0') - borrow;
    borrow = d < 0;
    a[i] = static_cast<char>('0' + (d + 10) % 10);
  }
  return a;
}

}  // namespace

int decimals_of(const std::string& number) {
  const std::size_t dot = number.find('.');
  if (dot == std::string::npos) return 0;
  std::size_t n = dot + 1;
  while (n < number.size() && number[n] >= '0' && number[n] <= '9') ++n;
  return static_cast<int>(n - dot - 1);
}

std::string with_decimals(const std::string& number, int decimals) {
  const int have = decimals_of(number);
  if (have >= decimals) return number;
  return number + (number.find('.') == std::string::npos ? "." : "") +
         std::string(static_cast<std::size_t>(decimals - have), '0');
}

model::Number difference(const model::Number& later, const model::Number& earlier) {
  const std::string a = shift_decimal(later.literal, 0), b = shift_decimal(earlier.literal, 0);
  const int k = std::max(decimals_of(a), decimals_of(b));
  Fixed x = fixed(a, k), y = fixed(b, k);
  // x − y = x + (−y)
  y.negative = !y.negative;
  Fixed r;
  if (x.negative == y.negative) {
    r.negative = x.negative;
    r.digits = add_digits(x.digits, y.digits);
  } else if (not_less(x.digits, y.digits)) {
    r.negative = x.negative;
    r.digits = subtract_digits(x.digits, y.digits);
  } else {
    r.negative = y.negative;
    r.digits = subtract_digits(y.digits, x.digits);
  }
  std::size_t nz = r.digits.find_first_not_of('0');
  std::string digits = nz == std::string::npos ? "0" : r.digits.substr(nz);
  if (digits == "0") r.negative = false;
  if (static_cast<int>(digits.size()) <= k) digits.insert(0, static_cast<std::size_t>(k) + 1 - digits.size(), '0');
  std::string literal = (r.negative ? "-" : "") + digits.substr(0, digits.size() - static_cast<std::size_t>(k));
  if (k > 0) literal += "." + digits.substr(digits.size() - static_cast<std::size_t>(k));
  return model::Number{std::strtod(literal.c_str(), nullptr), literal};
}

bool is_period(const std::string& x) {
  if (x.size() < 4) return false;
  for (std::size_t i = 0; i < 4; ++i)
    if (x[i] < '0' || x[i] > '9') return false;
  const int year = std::stoi(x.substr(0, 4));
  if (year < 1900 || year > 2199) return false;
  return x.size() == 4 || !(x[4] >= '0' && x[4] <= '9');
}

std::string axis_unit(const model::Unit& unit, Lang lang, const model::Number& scale_hint) {
  return scale_unit(unit, lang, axis_shift(unit, lang, scale_hint));
}

}  // namespace zb::chart
